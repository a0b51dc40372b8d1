import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { ADMIN_PASSWORD } from '../test/db.ts';
import { auditCount, signIn, signInNewUser, type Session } from '../test/factories.ts';

let t: TestApp;
let admin: Session;
let viewer: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  viewer = await signInNewUser(t, { role: 'viewer' });
});
afterAll(() => t.close());

describe('administrative units', () => {
  it('holds the 34 provinces and the communes of each, by statistics-office code', async () => {
    const provinces = (await t.app.inject({ method: 'GET', url: '/api/units/provinces', headers: viewer.headers })).json().items;
    expect(provinces).toHaveLength(34);
    expect(provinces).toContainEqual({ code: '40', name: 'Nghệ An' });
    const nghean = (await t.app.inject({ method: 'GET', url: '/api/units/communes?limit=500', headers: viewer.headers })).json();
    expect(nghean.total).toBe(130);
    expect(nghean.items).toHaveLength(130);
    expect(nghean.items.every((c: { provinceCode: string }) => c.provinceCode === '40')).toBe(true);
    const hanoi = (
      await t.app.inject({ method: 'GET', url: '/api/units/communes?province=01&limit=1', headers: viewer.headers })
    ).json();
    expect(hanoi.total).toBe(126);
  });

  it('pages with the total on every page, also past the last one', async () => {
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/units/communes?limit=20&offset=120', headers: viewer.headers })
    ).json();
    expect(page.total).toBe(130);
    expect(page.items).toHaveLength(10);
    const past = (
      await t.app.inject({ method: 'GET', url: '/api/units/communes?limit=20&offset=200', headers: viewer.headers })
    ).json();
    expect(past).toEqual({ total: 130, items: [] });
    const none = (await t.app.inject({ method: 'GET', url: '/api/units/communes?q=zzzz', headers: viewer.headers })).json();
    expect(none).toEqual({ total: 0, items: [] });
  });

  it('finds communes without diacritics', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units/communes?q=thanh%20vinh', headers: viewer.headers });
    expect(res.json().items.map((c: { name: string }) => c.name)).toContain('Phường Thành Vinh');
    const dd = await t.app.inject({
      method: 'GET',
      url: `/api/units/communes?province=01&q=${encodeURIComponent('dong da')}`,
      headers: viewer.headers,
    });
    expect(dd.json().items.map((c: { name: string }) => c.name)).toContain('Phường Đống Đa');
  });

  it('shows the pre-2025 communes merged into a commune', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/units/communes/00004', headers: viewer.headers });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.name).toBe('Phường Ba Đình');
    expect(c.predecessors).toContainEqual({ code: '00013', name: 'Phường Quán Thánh', extent: 'full' });
    expect(c.predecessors).toContainEqual({ code: '00016', name: 'Phường Ngọc Hà', extent: 'partial' });
  });

  it('rejects a malformed code naming the parameter, and an unknown one with 404', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/units/communes/12', headers: viewer.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('params.code');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/units/communes/99999', headers: viewer.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('99999');
  });
});

describe('agencies', () => {
  it('starts with the default list of the province, Sở Y tế as the standing body, Sở LĐTBXH kept inactive', async () => {
    const active = (await t.app.inject({ method: 'GET', url: '/api/agencies', headers: viewer.headers })).json().items;
    const names = active.map((a: { shortName: string }) => a.shortName);
    expect(names).toEqual(expect.arrayContaining(['Sở Y tế', 'Sở GD&ĐT', 'Công an tỉnh', 'Tỉnh Đoàn', 'Hội LHPN']));
    expect(names).not.toContain('Sở LĐTBXH');
    const syt = active.find((a: { shortName: string }) => a.shortName === 'Sở Y tế');
    expect(syt).toMatchObject({ fullName: 'Sở Y tế tỉnh Nghệ An', isStandingBody: true });
    const gd = active.find((a: { shortName: string }) => a.shortName === 'Sở GD&ĐT');
    expect(gd.aliases).toContain('Sở Giáo dục - Đào tạo');
    const all = (await t.app.inject({ method: 'GET', url: '/api/agencies?includeInactive=true', headers: viewer.headers })).json()
      .items;
    expect(all.find((a: { shortName: string }) => a.shortName === 'Sở LĐTBXH')).toMatchObject({ active: false });
  });

  it('lets the administrator add and rename an agency, refusing a duplicate name', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: {
        kind: 'mass_organisation',
        shortName: 'Hội Người cao tuổi',
        fullName: 'Hội Người cao tuổi tỉnh Nghệ An',
        aliases: [' Hội NCT ', 'Hội NCT', ''],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().aliases).toEqual(['Hội NCT']);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: { kind: 'other', shortName: 'hội người cao tuổi', fullName: 'x', aliases: [] },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ field: 'shortName', message: 'Đã có cơ quan tên "hội người cao tuổi"' });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${created.json().id}`,
      headers: admin.headers,
      payload: { fullName: 'Hội Người cao tuổi Nghệ An' },
    });
    expect(renamed.json().fullName).toBe('Hội Người cao tuổi Nghệ An');
  });

  it('rejects an unknown agency kind naming the field, writing nothing', async () => {
    const before = await auditCount(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: admin.headers,
      payload: { kind: 'ministry', shortName: 'Bộ', fullName: 'Bộ', aliases: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('kind');
    expect(res.json().error.message).toMatch(/^Trường "kind": phải là một trong: department/);
    expect(await auditCount(t.db)).toBe(before);
  });

  it('moves the standing body by setting, and will not deactivate it', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/agencies?includeInactive=true', headers: admin.headers })).json()
      .items as { id: string; shortName: string }[];
    const lđtbxh = all.find((a) => a.shortName === 'Sở LĐTBXH');
    const syt = all.find((a) => a.shortName === 'Sở Y tế');
    const inactive = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/standing-body',
      headers: admin.headers,
      payload: { agencyId: lđtbxh?.id },
    });
    expect(inactive.statusCode).toBe(400);
    const noDeactivate = await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${syt?.id}`,
      headers: admin.headers,
      payload: { active: false },
    });
    expect(noDeactivate.statusCode).toBe(400);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${lđtbxh?.id}`,
      headers: admin.headers,
      payload: { active: true },
    });
    const moved = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/standing-body',
      headers: admin.headers,
      payload: { agencyId: lđtbxh?.id },
    });
    expect(moved.json()).toMatchObject({ shortName: 'Sở LĐTBXH', isStandingBody: true });
    const settings = (await t.app.inject({ method: 'GET', url: '/api/settings', headers: viewer.headers })).json();
    expect(settings).toEqual({ province: { code: '40', name: 'Nghệ An' }, standingBodyId: lđtbxh?.id });
  });
});
