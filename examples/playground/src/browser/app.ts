import { type FormDescriptor, type HealthCodeClient, type Locale, validateDeclaration } from '@healthcode/core';
import { showLiveCode } from './code-view.js';
import { type PlaygroundConfig, loadConfig } from './config.js';
import { byId, describeError, h } from './dom.js';
import { type FormView, renderForm } from './form-view.js';
import { HOST_CHOICES, type HostName, simulatedApp, wireOfflineSwitch } from './hosts.js';

/**
 * The playground's main page: a pretend super-app. The user picks the host it runs
 * in, signs in through it, fills in the declaration form served by the server, and
 * watches the live code.
 */
async function main(): Promise<void> {
  const config = await loadConfig();
  byId<HTMLAnchorElement>('dashboard-link').href = config.dashboardUrl;
  const choice = byId('host-choice');
  HOST_CHOICES.forEach((c, i) =>
    choice.append(h('label', {}, h('input', { type: 'radio', name: 'host', value: c.name, checked: i === 0 }), ` ${c.label}`)),
  );
  const localeSelect = byId<HTMLSelectElement>('locale');
  const locale = () => localeSelect.value as Locale;

  let current: AppSession | undefined;
  byId('sign-in').addEventListener('click', () => {
    const hostName = (document.querySelector<HTMLInputElement>('input[name=host]:checked')?.value ?? 'wechat') as HostName;
    // Switching hosts starts over: the old form's handlers and the old code's timers go.
    current?.end();
    current = new AppSession();
    void signIn(hostName, config, locale, current);
  });
  localeSelect.addEventListener('change', () => current?.form?.setLocale(locale()));
}

/** What one sign-in set up, so that the next one can tear it down. */
class AppSession {
  readonly listeners = new AbortController();
  form: FormView | undefined;
  live: ReturnType<typeof showLiveCode> | undefined;

  end(): void {
    this.listeners.abort();
    this.live?.stop();
  }
}

async function signIn(hostName: HostName, config: PlaygroundConfig, locale: () => Locale, app: AppSession): Promise<void> {
  const sessionLine = byId('session');
  byId('step-code').hidden = true;
  const simulated = simulatedApp(hostName, config, config.authCode);
  const { client } = simulated;
  wireOfflineSwitch(
    simulated,
    (message) => {
      byId('declare-result').textContent = message;
      void app.live?.refresh();
    },
    app.listeners.signal,
  );
  try {
    const session = await client.signIn();
    sessionLine.textContent = `Signed in through ${hostName} (identity ${session.identityStatus}).`;
    sessionLine.dataset.signedIn = 'true';
    const descriptor = (await client.getForm()) as unknown as FormDescriptor;
    byId('employee-hint').textContent =
      `Demo: declare with ID card number ${config.employeeDocument.number} to count as an employee of the demo organisation.`;
    app.form = showDeclaration(client, descriptor, locale, app);
  } catch (error) {
    sessionLine.textContent = `Sign-in failed: ${describeError(error)}`;
  }
}

function showDeclaration(client: HealthCodeClient, descriptor: FormDescriptor, locale: () => Locale, app: AppSession): FormView {
  byId('step-declare').hidden = false;
  const formElement = byId<HTMLFormElement>('declaration');
  const view = renderForm(formElement, descriptor, locale());
  const result = byId('declare-result');
  formElement.addEventListener(
    'submit',
    async (event) => {
      event.preventDefault();
      const answers = view.answers();
      // Checked here first so that problems show under their fields in the user's language.
      const checked = validateDeclaration(answers, { locale: locale(), formVersion: descriptor.version });
      view.showIssues(checked.issues);
      result.dataset.outcome = checked.ok ? 'pending' : 'invalid';
      if (!checked.ok) {
        result.textContent = `${checked.issues.length} problem(s) to fix.`;
        return;
      }
      try {
        const submitted = await client.submitDeclaration(answers, { formVersion: descriptor.version });
        if (submitted.status === 'queued') {
          result.textContent = 'Offline: declaration queued; it will be sent once.';
          result.dataset.outcome = 'queued';
        } else {
          const reasons = submitted.assessment.reasons.map((r) => r.message[locale()] ?? r.message.en).join('; ');
          result.textContent = `Assessed ${submitted.assessment.status}${reasons ? `: ${reasons}` : ''}.`;
          result.dataset.outcome = submitted.assessment.status;
        }
        if (app.live) await app.live.refresh();
        else app.live = startCode(client, app);
      } catch (error) {
        result.dataset.outcome = 'error';
        const details = (error as { details?: { issues?: unknown } }).details;
        if (details && Array.isArray(details.issues)) view.showIssues(details.issues as Parameters<FormView['showIssues']>[0]);
        result.textContent = `Not accepted: ${describeError(error)}`;
      }
    },
    { signal: app.listeners.signal },
  );
  return view;
}

function startCode(client: HealthCodeClient, app: AppSession): ReturnType<typeof showLiveCode> {
  byId('step-code').hidden = false;
  const state = byId('code-state');
  const live = showLiveCode(byId<HTMLCanvasElement>('code-canvas'), client, (snapshot, code) => {
    state.dataset.state = snapshot.state;
    if (code) state.dataset.status = code.status;
    state.textContent = code
      ? `${code.status} · ${snapshot.state}${code.stale ? ' (offline)' : ''} · refreshes ${code.refreshAfter.toLocaleTimeString()}`
      : snapshot.state;
  });
  byId('refresh-code').addEventListener('click', () => void live.refresh(), { signal: app.listeners.signal });
  return live;
}

main().catch((error: unknown) => {
  byId('session').textContent = `Playground failed to start: ${describeError(error)}`;
});
