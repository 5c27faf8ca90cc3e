import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { z } from 'zod';
import { startServer, type RunningServer } from './app.js';
import { ErrorBody, Example, ExampleInfo, Health, ParameterInfoSchema, PricePreview, ProjectDetail, ProjectSummary, PropertiesResponse, TemplateInfo, VersionInfo } from './schemas.js';
import { batteryProject, call, pricesCsv, tempDir, testServer } from './testing.js';

const files = { 'prices.csv': pricesCsv() };

/** An error answer: the status, the Error schema, no stack. */
function isError(a: { status: number; body: unknown; text: string }, status: number, code?: string): z.output<typeof ErrorBody> {
  assert.equal(a.status, status, a.text);
  const body = ErrorBody.parse(a.body);
  assert.equal(body.error.status, status);
  if (code) assert.equal(body.error.code, code);
  assert.doesNotMatch(a.text, /\n\s+at |\.ts:\d+/, 'no stack trace');
  return body;
}

describe('the API on a real server with a real database', () => {
  let server: RunningServer;
  let base: string;
  before(async () => {
    const web = tempDir('chuneng-web-');
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(web, 'assets', 'index-DxA3b9Qz.js'), 'console.log(1)');
    writeFileSync(join(web, 'favicon.svg'), '<svg/>');
    server = await testServer({ webDir: web });
    base = server.url;
  });
  after(() => server.close());

  test('GET /api/health answers ok with the version', async () => {
    const a = await call(base, 'GET', '/api/health');
    assert.equal(a.status, 200);
    assert.deepEqual(Health.parse(a.body), { status: 'ok', version: '0.1.0' });
  });

  test('GET /api/openapi.json describes every endpoint, with the project body as the project file\'s schema', async () => {
    const a = await call(base, 'GET', '/api/openapi.json');
    assert.equal(a.status, 200);
    const doc = a.body;
    assert.equal(doc.openapi, '3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([p, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`));
    for (const op of [
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/templates',
      'GET /api/templates/{name}/parameters',
      'GET /api/examples',
      'GET /api/examples/{id}',
      'POST /api/validate',
      'POST /api/prices/preview',
      'POST /api/properties',
      'POST /api/projects',
      'GET /api/projects',
      'GET /api/projects/{id}',
      'PUT /api/projects/{id}',
      'DELETE /api/projects/{id}',
      'GET /api/projects/{id}/versions',
      'GET /api/projects/{id}/versions/{v}',
      'POST /api/projects/{id}/runs',
      'GET /api/runs',
      'GET /api/runs/{id}',
      'GET /api/runs/{id}/events',
      'POST /api/runs/{id}/cancel',
      'GET /api/runs/{id}/results',
      'GET /api/runs/{id}/results/plants/{i}',
      'GET /api/runs/{id}/results/plants/{i}/schedule',
      'GET /api/runs/{id}/results/plants/{i}/cashflow',
      'GET /api/runs/{id}/report',
    ]) {
      assert.ok(ops.includes(op), `${op} is documented`);
    }
    const create = doc.components.schemas.CreateProjectRequest;
    assert.deepEqual(create.properties.project, { $ref: '#/components/schemas/Project' });
    const project = doc.components.schemas.Project;
    assert.deepEqual(project.required, ['name', 'market', 'plants']);
    assert.ok(project.properties.plants.items.properties.finance, 'the plant schema with its finance section');
    // every $ref points at a schema that is there
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|parameters)\/([^"]+)"/g)];
    assert.ok(refs.length > 50);
    for (const [, kind, name] of refs) assert.ok(doc.components[kind][name], `${kind}/${name} exists`);
  });

  test('GET /api/templates lists the five templates; their parameters carry unit, default, range and source', async () => {
    const list = await call(base, 'GET', '/api/templates');
    assert.deepEqual(
      z.array(TemplateInfo).parse(list.body).map((t) => t.name),
      ['adiabatic-caes', 'diabatic-caes', 'co2-gas-liquid', 'co2-transcritical', 'liquid-co2'],
    );
    const params = z.array(ParameterInfoSchema).parse((await call(base, 'GET', '/api/templates/co2-gas-liquid/parameters')).body);
    const power = params.find((p) => p.path === 'charge.power');
    assert.ok(power, 'charge.power is a parameter');
    assert.equal(power.unit, 'MW');
    isError(await call(base, 'GET', '/api/templates/steam-engine/parameters'), 404, 'not_found');
  });

  test('GET /api/examples lists the Luoyang projects; one loads as a project that validates', async () => {
    const list = z.array(ExampleInfo).parse((await call(base, 'GET', '/api/examples')).body);
    assert.deepEqual(list.map((e) => e.id).sort(), ['a-caes', 'co2-gas-liquid', 'compare', 'li-ion', 'liquid-co2']);
    assert.match(list.find((e) => e.id === 'li-ion')!.description, /lithium-ion/);
    const e = Example.parse((await call(base, 'GET', '/api/examples/li-ion')).body);
    assert.equal(e.project.name, 'Luoyang 100 MW / 400 MWh Li-ion battery');
    const v = await call(base, 'POST', '/api/validate', { project: e.project, files: e.files });
    assert.deepEqual(v.body, { ok: true });
    isError(await call(base, 'GET', '/api/examples/atlantis'), 404, 'not_found');
  });

  test('POST /api/validate answers ok for a good project and names the field of a bad one, in English and Chinese', async () => {
    assert.deepEqual((await call(base, 'POST', '/api/validate', { project: batteryProject(), files })).body, { ok: true });
    const bad = batteryProject();
    (bad.plants[0].performance as Record<string, string>).roundTripEfficiency = '181 %';
    const en = await call(base, 'POST', '/api/validate', { project: bad, files });
    assert.equal(en.status, 200);
    assert.equal(en.body.ok, false);
    assert.deepEqual(en.body.issues.map((i: { field: string }) => i.field), ['plants[0].performance.roundTripEfficiency']);
    assert.deepEqual(en.body.issues[0].path, ['plants', 0, 'performance', 'roundTripEfficiency']);
    const missing = await call(base, 'POST', '/api/validate?lang=zh', { project: batteryProject() });
    assert.equal(missing.body.issues[0].field, 'market.prices');
    assert.match(missing.body.issues[0].message, /没有随项目提供该文件/);
  });

  test('POST /api/prices/preview reads a year of prices in money per joule; a bad row is named, in both languages', async () => {
    const a = await call(base, 'POST', '/api/prices/preview', { text: pricesCsv() });
    const p = PricePreview.parse(a.body);
    assert.equal(p.steps, 8760);
    assert.equal(p.stepSeconds, 3600);
    assert.equal(p.price.length, 8760);
    assert.ok(Math.abs(p.min * 3.6e9 - 100) < 1e-9 && Math.abs(p.max * 3.6e9 - 500) < 1e-9, `${p.min * 3.6e9}–${p.max * 3.6e9} yuan/MWh`);
    assert.ok(Math.abs(p.mean * 3.6e9 - (4 * 100 + 4 * 500 + 16 * 300) / 24) < 1e-9);
    assert.equal(p.startMs, Date.UTC(2025, 0, 1) - 8 * 3600e3);
    const lines = pricesCsv().split('\n');
    lines[6] = lines[6].replace(/,\d+$/, ',abc');
    const en = isError(await call(base, 'POST', '/api/prices/preview', { text: lines.join('\n') }), 400, 'invalid_price_file');
    assert.equal(en.error.issues![0].row, 7);
    assert.equal(en.error.issues![0].column, 'price');
    assert.match(en.error.issues![0].message, /row 7/);
    const zh = isError(await call(base, 'POST', '/api/prices/preview?lang=zh', { text: lines.join('\n') }), 400);
    assert.match(zh.error.issues![0].message, /^第 7 行，列 “price”/);
    assert.match(zh.error.message, /输入有 1 处问题/);
  });

  test('POST /api/properties gives CO2 at 25 °C and 70 bar in SI and formatted; a bad unit or fluid names its field', async () => {
    const a = await call(base, 'POST', '/api/properties', { fluid: 'CO2', input: { T: '25 degC', p: '70 bar' } });
    const r = PropertiesResponse.parse(a.body);
    assert.equal(r.state.T, 298.15);
    assert.equal(r.state.p, 7e6);
    // above its saturation pressure at 25 °C (64.3 bar) CO2 is a liquid of about 743 kg/m3 (Span–Wagner; NIST Webbook 743.0)
    assert.equal(r.state.phase, 'liquid');
    assert.ok(Math.abs((r.state.rho as number) - 743) < 1, String(r.state.rho));
    assert.equal(r.display.T, '25 degC');
    assert.equal(r.display.p, '70 bar');
    const badUnit = isError(await call(base, 'POST', '/api/properties', { fluid: 'CO2', input: { T: '25 kg', p: '70 bar' } }), 400, 'invalid_request');
    assert.deepEqual(badUnit.error.issues!.map((i) => i.field), ['input.T']);
    const badFluid = isError(await call(base, 'POST', '/api/properties', { fluid: 'unobtainium', input: { T: 300, p: 1e5 } }), 400);
    assert.deepEqual(badFluid.error.issues!.map((i) => i.field), ['fluid']);
    const oneInput = isError(await call(base, 'POST', '/api/properties', { fluid: 'CO2', input: { T: 300 } }), 400);
    assert.deepEqual(oneInput.error.issues!.map((i) => i.field), ['input']);
  });

  test('projects: create, list, read, save new versions, read any version, delete — each answer in its schema', async () => {
    const created = await call(base, 'POST', '/api/projects', { name: 'Battery study', project: batteryProject(), files });
    assert.equal(created.status, 201);
    const id = created.body.id as string;
    assert.deepEqual(created.body, { id, version: 1 });
    assert.equal(created.headers.get('location'), `/api/projects/${id}`);

    const list = z.array(ProjectSummary).parse((await call(base, 'GET', '/api/projects')).body);
    assert.ok(list.some((p) => p.id === id && p.name === 'Battery study' && p.version === 1));

    const one = ProjectDetail.parse((await call(base, 'GET', `/api/projects/${id}`)).body);
    assert.deepEqual(one.project, batteryProject());
    assert.deepEqual(one.files, files, 'uploaded files are kept as content');

    const v2 = await call(base, 'PUT', `/api/projects/${id}`, { project: batteryProject({ discountRate: '6 %' }), baseVersion: 1 });
    assert.deepEqual([v2.status, v2.body], [200, { id, version: 2 }]);
    const stale = isError(await call(base, 'PUT', `/api/projects/${id}`, { project: batteryProject(), baseVersion: 1 }), 409, 'stale_version');
    assert.match(stale.error.message, /version 2/);
    const v3 = await call(base, 'PUT', `/api/projects/${id}`, { name: 'Renamed', project: batteryProject({ discountRate: '5 %' }) });
    assert.equal(v3.body.version, 3);

    const versions = z.array(VersionInfo).parse((await call(base, 'GET', `/api/projects/${id}/versions`)).body);
    assert.deepEqual(versions.map((v) => [v.version, v.name]), [[1, 'Battery study'], [2, 'Battery study'], [3, 'Renamed']]);
    const at2 = ProjectDetail.parse((await call(base, 'GET', `/api/projects/${id}/versions/2`)).body);
    assert.equal((at2.project as ReturnType<typeof batteryProject>).plants[0].finance.discountRate, '6 %');
    assert.deepEqual(at2.files, files, 'a version saved without files keeps the last ones');
    isError(await call(base, 'GET', `/api/projects/${id}/versions/9`), 404, 'not_found');
    isError(await call(base, 'GET', `/api/projects/${id}/versions/x`), 404);

    const deleted = await call(base, 'DELETE', `/api/projects/${id}`);
    assert.equal(deleted.status, 204);
    isError(await call(base, 'GET', `/api/projects/${id}`), 404, 'not_found');
    isError(await call(base, 'DELETE', `/api/projects/${id}`), 404);
    isError(await call(base, 'PUT', `/api/projects/${id}`, { project: batteryProject() }), 404);
    isError(await call(base, 'GET', `/api/projects/${id}/versions`), 404);
  });

  test('a project with a bad field is refused with 400 naming the field path; the message follows the language', async () => {
    const bad = batteryProject();
    (bad.plants[0].performance as Record<string, string>).power = '10 kg';
    const en = isError(await call(base, 'POST', '/api/projects', { name: 'x', project: bad, files }), 400, 'invalid_project');
    assert.deepEqual(en.error.issues!.map((i) => i.field), ['plants[0].performance.power']);
    assert.match(en.error.message, /the project has 1 problem/);
    const zh = isError(await call(base, 'POST', '/api/projects', { name: 'x', project: bad, files }, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }), 400);
    assert.match(zh.error.message, /项目有 1 处问题/);
    const shape = isError(await call(base, 'POST', '/api/projects?lang=zh', { name: 42, project: [] }), 400, 'invalid_request');
    assert.deepEqual(shape.error.issues!.map((i) => i.field), ['name', 'project']);
    assert.match(shape.error.issues![0].message, /期望 string/);
    const list = (await call(base, 'GET', '/api/projects')).body as { name: string }[];
    assert.ok(!list.some((p) => p.name === 'x'), 'nothing was saved');
  });

  test('a discount rate with the wrong unit is a 400 whose issue names discountRate', async () => {
    const a = await call(base, 'POST', '/api/projects', { name: 'x', project: batteryProject({ discountRate: '8 kg' }), files });
    const body = isError(a, 400, 'invalid_project');
    assert.ok(body.error.issues!.some((i) => i.field === 'plants[0].finance.discountRate'), JSON.stringify(body.error.issues));
  });

  test('unknown ids are 404; unknown endpoints 404; a wrong method 405 with Allow', async () => {
    isError(await call(base, 'GET', '/api/runs/no-such-run'), 404, 'not_found');
    isError(await call(base, 'POST', '/api/runs/no-such-run/cancel'), 404);
    isError(await call(base, 'GET', '/api/runs/no-such-run/events'), 404);
    isError(await call(base, 'GET', '/api/runs/no-such-run/results'), 404);
    isError(await call(base, 'GET', '/api/runs/no-such-run/results/plants/0/schedule'), 404);
    isError(await call(base, 'GET', '/api/runs/no-such-run/report?format=pdf'), 404);
    isError(await call(base, 'GET', '/api/runs?project=nope'), 404);
    isError(await call(base, 'POST', '/api/projects/nope/runs'), 404);
    isError(await call(base, 'GET', '/api/warp-drive'), 404, 'not_found');
    const wrong = await call(base, 'DELETE', '/api/health');
    isError(wrong, 405, 'method_not_allowed');
    assert.equal(wrong.headers.get('allow'), 'GET');
  });

  test('a body that is not JSON is 400, a body of another type 415, a bad query value 400', async () => {
    isError(await call(base, 'POST', '/api/projects', '{"name": '), 400, 'invalid_json');
    isError(await call(base, 'POST', '/api/projects', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    isError(await call(base, 'POST', '/api/projects'), 400, 'invalid_json');
    const q = isError(await call(base, 'GET', '/api/runs/x/results/plants/0/schedule?format=xml'), 400, 'invalid_request');
    assert.equal(q.error.issues![0].field, 'format');
  });

  test('the web app: index.html at / and for the app\'s own paths, assets with their types, hashed ones cached for a year', async () => {
    const root = await fetch(base);
    assert.equal(root.status, 200);
    assert.equal(root.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(root.headers.get('cache-control'), 'no-cache');
    assert.equal(await root.text(), '<!doctype html><title>app</title>');
    const deep = await fetch(new URL('/projects/123/money', base));
    assert.equal(await deep.text(), '<!doctype html><title>app</title>');
    const asset = await fetch(new URL('/assets/index-DxA3b9Qz.js', base));
    assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await asset.text(), 'console.log(1)');
    const again = await fetch(new URL('/assets/index-DxA3b9Qz.js', base), { headers: { 'if-none-match': asset.headers.get('etag')! } });
    assert.equal(again.status, 304);
    const icon = await fetch(new URL('/favicon.svg', base));
    assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
    assert.equal(icon.headers.get('cache-control'), 'no-cache');
    assert.equal((await fetch(new URL('/assets/missing-12345678.js', base))).status, 404);
    const climb = await fetch(new URL('/%2e%2e/%2e%2e/package.json', base));
    assert.doesNotMatch(await climb.text(), /"name": "chuneng"/, 'no file outside the app folder');
  });

  test('a loopback server answers only to loopback host names (DNS rebinding)', async () => {
    const a = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(new URL('/api/health', base), { headers: { host: 'evil.example:80' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(a.status, 403);
    assert.equal(JSON.parse(a.body).error.code, 'forbidden_host');
  });
});

describe('limits and access', () => {
  test('a body over the size limit is 413 with the limit named; one under it is read', async () => {
    const server = await testServer({ limits: { bodyBytes: 4096 } });
    try {
      const big = await call(server.url, 'POST', '/api/validate', { project: { name: 'x'.repeat(5000) } });
      const body = isError(big, 413, 'payload_too_large');
      assert.match(body.error.message, /4 kB/);
      const small = await call(server.url, 'POST', '/api/validate', { project: { name: 'x' } });
      assert.equal(small.status, 200);
      // a chunked body without Content-Length is cut off at the limit as well
      const chunked = await new Promise<number>((resolve, reject) => {
        const req = request(new URL('/api/validate', server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.write('{"project": {"name": "');
        req.write('y'.repeat(6000));
        req.end('"}}');
      });
      assert.equal(chunked, 413);
    } finally {
      await server.close();
    }
  });

  test('a server beyond loopback is refused without a token; with one, requests need it', async () => {
    await assert.rejects(() => startServer({ host: '0.0.0.0', port: 0, dataDir: tempDir() }), /refusing to listen on 0\.0\.0\.0.*--token/);
    await assert.rejects(() => startServer({ host: '127.0.0.1', port: 0, dataDir: tempDir(), token: 'short' }), /at least 16 characters/);
    const token = 'a-long-enough-test-token';
    const server = await testServer({ token });
    try {
      const denied = await call(server.url, 'GET', '/api/projects');
      isError(denied, 401, 'unauthorized');
      assert.equal(denied.headers.get('www-authenticate'), 'Bearer');
      isError(await call(server.url, 'GET', '/api/projects', undefined, { authorization: 'Bearer wrong-token-of-some-length' }), 401);
      const ok = await call(server.url, 'GET', '/api/projects', undefined, { authorization: `Bearer ${token}` });
      assert.deepEqual([ok.status, ok.body], [200, []]);
      const viaQuery = await call(server.url, 'GET', `/api/health?access_token=${token}`);
      assert.equal(viaQuery.status, 200, 'GET (event streams, downloads) may carry the token in the query');
    } finally {
      await server.close();
    }
  });
});
