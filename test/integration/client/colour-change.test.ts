import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES } from '@healthcode/core/api';
import { CURRENT_FORM_VERSION } from '@healthcode/core/declaration';
import type { ColourChange } from '@healthcode/core';
import { caller, residentId } from '@healthcode/test-utils';
import { BASE_URL, type Service, startApp, startService, validAnswers } from './service-fixture.js';

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(() => service.close());

describe('a change of colour', () => {
  it('raises onColourChange with the reasons of the new colour when the authority makes the holder red', async () => {
    const changes: ColourChange[] = [];
    const app = startApp(service, 'erin', { onColourChange: (change) => void changes.push(change) });
    await app.client.signIn();
    await app.client.submitDeclaration(validAnswers(1), { formVersion: CURRENT_FORM_VERSION });
    const green = await app.client.getCode();
    expect(green).toMatchObject({ status: 'green', reasons: [] });

    const call = caller({ baseUrl: BASE_URL, fetch: globalThis.fetch as never });
    const { token } = (await call('POST', API_ROUTES.operators, { token: 'operator-dev-token', body: { name: 'Op' } })).body;
    const status = { identityDocument: { type: 'resident_id_card', number: residentId(1) }, status: 'red', reason: 'lab_follow_up' };
    expect((await call('POST', API_ROUTES.authorityStatuses, { token, body: status })).status).toBe(201);

    const red = await app.client.getCode({ forceRefresh: true });
    expect(red.status).toBe('red');
    expect(changes).toEqual([{ from: 'green', to: 'red', reasons: [expect.objectContaining({ code: 'manual', clears: expect.objectContaining({ en: 'Until an operator lifts it.' }) })] }]);
    await app.client.getCode({ forceRefresh: true });
    expect(changes).toHaveLength(1);
  });

  it('keeps serving the code when the listener throws', async () => {
    const app = startApp(service, 'fred', {
      onColourChange: () => {
        throw new Error('listener bug');
      },
    });
    await app.client.signIn();
    await app.client.submitDeclaration(validAnswers(2), { formVersion: CURRENT_FORM_VERSION });
    await app.client.getCode();
    const call = caller({ baseUrl: BASE_URL, fetch: globalThis.fetch as never });
    const { token } = (await call('POST', API_ROUTES.operators, { token: 'operator-dev-token', body: { name: 'Op' } })).body;
    await call('POST', API_ROUTES.authorityStatuses, { token, body: { identityDocument: { type: 'resident_id_card', number: residentId(2) }, status: 'yellow', reason: 'x' } });
    await expect(app.client.getCode({ forceRefresh: true })).resolves.toMatchObject({ status: 'yellow' });
  });
});
