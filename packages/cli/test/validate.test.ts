import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './declaration-commands.js';

describe('healthcode validate', () => {
  it.each(['resident.json', 'foreigner-passport.json', 'hk-visitor.json'])('accepts the example %s', async (file) => {
    const run = await cli(['validate', file]);
    expect([run.code, run.json()]).toEqual([0, []]);
  });

  it('prints every issue, localized, and exits 1', async () => {
    const dir = tempDir({
      bad: { formVersion: '1.1', answers: { person: { name: '' }, phone: '123' } },
    });
    const run = await cli(['validate', 'bad', '--locale', 'en'], dir);
    expect(run.code).toBe(1);
    const issues = run.json() as { path: string; code: string; message: string }[];
    expect(issues).toContainEqual({ path: 'person.name', code: 'required', message: 'This field is required.' });
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['identityDocument', 'phone', 'district', 'health', 'travel', 'contacts', 'returning']),
    );
  });

  it("checks dates against --at rather than the file's time", async () => {
    // Three weeks later, the example's stays are outside the 14-day window.
    const run = await cli(['validate', 'foreigner-passport.json', '--at', '2026-12-18T09:00:00+08:00']);
    expect(run.code).toBe(1);
    expect(run.json()).toContainEqual(expect.objectContaining({ path: 'travel.places.0.to', code: 'out_of_window' }));
  });

  it('reads bare answers as the current form version', async () => {
    const dir = tempDir({ bare: { person: { name: '张三' } } });
    const run = await cli(['validate', 'bare'], dir);
    expect(run.code).toBe(1);
    expect(run.json()).toContainEqual(expect.objectContaining({ path: 'returning', code: 'required' }));
  });

  it('reports an unknown form version as an issue', async () => {
    const dir = tempDir({ old: { formVersion: '0.1', answers: {} } });
    const run = await cli(['validate', 'old'], dir);
    expect([run.code, run.json()[0].code]).toEqual([1, 'unknown_form_version']);
  });

  it.each([
    [['validate']],
    [['validate', 'a', 'b']],
    [['validate', 'resident.json', '--at', 'yesterday']],
    [['validate', 'resident.json', '--locale', 'de']],
  ])('exits 2 on %j', async (argv) => {
    expect((await cli(argv)).code).toBe(2);
  });

  it('exits 1 with a message for a missing or broken file', async () => {
    const dir = tempDir({ broken: '{ not json' });
    expect(await cli(['validate', 'missing.json'], dir)).toMatchObject({ code: 1 });
    const run = await cli(['validate', 'broken'], dir);
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('not valid JSON')]);
  });
});
