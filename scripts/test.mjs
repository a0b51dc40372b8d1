// `npm test`: the whole suite, as CI runs it. Lint, types, the web build, unit and integration tests
// on the embedded PGlite, the integration tests again on a PostgreSQL server, then the browser tests.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const env = { ...process.env };

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n━━ ${title} ━━`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✗ ${title}: thất bại / failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

/** The PostgreSQL server for the second run: TRE_TEST_DATABASE_URL, or Debian's cluster started here. */
function postgresUrl() {
  if (env.TRE_TEST_DATABASE_URL) return env.TRE_TEST_DATABASE_URL;
  const canStart = process.getuid?.() === 0 && fs.existsSync('/usr/bin/pg_lsclusters');
  if (canStart) {
    const out = execFileSync('bash', ['-c', 'source scripts/ci-postgres.sh >/dev/null && echo "$TRE_TEST_DATABASE_URL"'], {
      encoding: 'utf8',
    });
    return out.trim();
  }
  console.error(
    '\n✗ Cần một máy chủ PostgreSQL cho lượt kiểm thử thứ hai / a PostgreSQL server is needed for the second run:\n' +
      '  đặt / set TRE_TEST_DATABASE_URL=postgres://user:pass@host:5432/db (role with CREATEDB),\n' +
      '  hoặc chạy / or run: sudo bash .ci/run',
  );
  process.exit(1);
}

step('Lint (eslint)', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('Định dạng / format (prettier)', 'npx', ['prettier', '--check', '.']);
step('Kiểu / types (tsc strict)', 'npm', ['run', 'typecheck']);
step('Dựng web / web build', 'npm', ['run', 'build']);
step('Kiểm thử trên PGlite / tests on PGlite', 'npx', ['vitest', 'run'], { TRE_TEST_ENGINE: 'pglite' });
const url = postgresUrl();
step(`Kiểm thử trên PostgreSQL / tests on PostgreSQL (${url.replace(/:[^:@/]*@/, ':***@')})`, 'npx', ['vitest', 'run'], {
  TRE_TEST_ENGINE: 'postgres',
  TRE_TEST_DATABASE_URL: url,
});
step('Kiểm thử trình duyệt / browser tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']);
console.log('\n✓ Tất cả kiểm thử đã qua / all tests passed');
