// Health authority console: the /v1/authority routes behind forms. Every server string is
// written with textContent; the operator token lives only in this tab's sessionStorage.
const $ = (id) => document.getElementById(id);
const token = () => sessionStorage.getItem('healthcode.operator') ?? '';
$('signin').elements.token.value = token();

async function api(method, path, body) {
  const headers = { authorization: `Bearer ${token()}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json();
  if (!response.ok) throw Object.assign(new Error(`${data.error?.code ?? response.status}: ${data.error?.message ?? ''}`), { details: data.error?.details });
  return data;
}

function say(id, text, ok = true) {
  $(id).textContent = text;
  $(id).className = `result ${ok ? 'ok' : 'error'}`;
}

function rows(tbody, items, cells) {
  tbody.replaceChildren(
    ...items.map((item) => {
      const tr = document.createElement('tr');
      for (const value of cells(item)) {
        const td = document.createElement('td');
        if (value instanceof Node) td.append(value);
        else td.textContent = String(value ?? '');
        tr.append(td);
      }
      return tr;
    }),
  );
}

const reevaluated = (r) => (r ? ` Re-evaluated ${r.evaluated}, changed ${r.changed}, worse ${r.worsened}, codes revoked ${r.revokedCodes}.` : '');

/**
 * CSV with a header row naming line fields; `type`, `number` and `nationality` make the
 * identity document. Plain comma-separated values (no quoted commas), as lab exports are.
 */
function csvLines(text) {
  const [header, ...records] = text.trim().split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = (header ?? '').split(',').map((h) => h.trim());
  return records.map((record) => {
    const values = record.split(',').map((v) => v.trim());
    const line = {};
    const doc = {};
    names.forEach((name, i) => {
      const value = values[i];
      if (value === undefined || value === '') return;
      if (name === 'type' || name === 'number' || name === 'nationality') doc[name] = value;
      else line[name] = value;
    });
    return Object.keys(doc).length ? { identityDocument: doc, ...line } : line;
  });
}

$('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem('healthcode.operator', event.target.elements.token.value.trim());
  loadAppeals();
  loadAudit();
});

$('rule-set').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const r = await api('POST', '/v1/authority/rule-sets', JSON.parse(event.target.elements.json.value));
    say('rule-set-result', `Published version ${r.version}.${reevaluated(r.reevaluation)}`);
    loadAudit();
  } catch (err) {
    say('rule-set-result', err.message, false);
  }
});

$('batch').addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = event.target.elements;
  const table = $('batch-lines');
  table.hidden = true;
  try {
    const r = await api('POST', '/v1/authority/batches', { batchId: f.batchId.value.trim(), kind: f.kind.value, lines: csvLines(f.csv.value) });
    say('batch-result', `${r.duplicate ? 'Already imported' : 'Imported'} ${r.lines} line(s) for ${r.subjects} person(s).${reevaluated(r.reevaluation)}`);
    loadAudit();
  } catch (err) {
    say('batch-result', `${err.message}`, false);
    if (err.details?.lines) {
      rows(table.tBodies[0], err.details.lines, (l) => [l.line, l.code, l.message]);
      table.hidden = false;
    }
  }
});

$('status').addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = event.target.elements;
  const identityDocument = { type: f.type.value, number: f.number.value.trim(), ...(f.nationality.value ? { nationality: f.nationality.value.trim() } : {}) };
  const optional = Object.fromEntries(['until', 'note'].filter((k) => f[k].value).map((k) => [k, f[k].value]));
  try {
    const r = await api('POST', '/v1/authority/statuses', { identityDocument, status: f.status.value, reason: f.reason.value, ...optional });
    say('status-result', `Set ${r.status} (status id ${r.statusId}).${reevaluated(r.reevaluation)}`);
    f.number.value = '';
    loadAudit();
  } catch (err) {
    say('status-result', err.message, false);
  }
});

$('lift').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const id = event.target.elements.statusId.value.trim();
    const r = await api('DELETE', `/v1/authority/statuses/${encodeURIComponent(id)}`);
    say('status-result', `Lifted ${r.statusId}.${reevaluated(r.reevaluation)}`);
    loadAudit();
  } catch (err) {
    say('status-result', err.message, false);
  }
});

function decisionButtons(appeal) {
  const box = document.createElement('span');
  const decide = async (body) => {
    try {
      await api('POST', `/v1/authority/appeals/${encodeURIComponent(appeal.appealId)}`, body);
      say('appeals-result', `Appeal ${appeal.appealId}: ${body.decision}ed.`);
      loadAppeals();
      loadAudit();
    } catch (err) {
      say('appeals-result', err.message, false);
    }
  };
  const accept = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Accept: green' });
  accept.addEventListener('click', () => decide({ decision: 'accept', correction: { status: 'green' }, note: 'accepted in the console' }));
  const reject = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Reject' });
  reject.addEventListener('click', () => {
    const note = prompt('Why is the appeal rejected?');
    if (note) decide({ decision: 'reject', note });
  });
  box.append(accept, ' ', reject);
  return box;
}

const hours = (s) => `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;

async function loadAppeals() {
  try {
    const page = await api('GET', '/v1/authority/appeals?limit=50');
    rows($('appeals').tBodies[0], page.items, (a) => [new Date(a.filedAt).toLocaleString(), hours(a.ageSeconds ?? 0), a.status, a.category, a.text, decisionButtons(a)]);
  } catch (err) {
    say('appeals-result', err.message, false);
  }
}

async function loadAudit() {
  const entries = [];
  let cursor;
  try {
    do {
      const page = await api('GET', `/v1/authority/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && entries.length < 1000);
  } catch {
    return;
  }
  rows($('audit').tBodies[0], entries.reverse(), (e) => [e.seq, new Date(e.at).toLocaleString(), e.actor.name, e.action, e.target, e.reason ?? '']);
}

$('appeals-refresh').addEventListener('click', loadAppeals);
$('audit-refresh').addEventListener('click', loadAudit);
if (token()) {
  loadAppeals();
  loadAudit();
}
