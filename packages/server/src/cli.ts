import { parseArgs } from 'node:util';
import { type Role, roles } from '@tre/core';
import { bootstrap } from './bootstrap.ts';
import { loadConfig, type Config } from './config.ts';
import { recordAudit } from './audit/audit.ts';
import { createUser } from './access/service.ts';
import { commandLineActor } from './audit/session-actor.ts';
import { DataDirLockedError } from './db/lock.ts';
import { dumpDatabase, restoreDatabase } from './db/dump.ts';
import { openDb } from './db/pool.ts';
import { PLAN_HELP, planCommand } from './commands/plans.ts';
import { INDICATORS_HELP, dataCommand, indicatorsCommand } from './commands/indicators.ts';
import { ROUNDS_HELP, reportCommand, roundsCommand } from './commands/reporting.ts';
import { CHILDREN_HELP, childrenCommand } from './commands/children.ts';
import { CASES_HELP, casesCommand } from './commands/cases.ts';
import { COMMUNES_HELP, communesCommand } from './commands/communes.ts';
import { startServer } from './server.ts';
import { findAgencyByShortName } from './units/repository.ts';

const HELP = `tre — Hệ thống thông tin công tác trẻ em / child-affairs information system

Cách dùng / usage:
  tre serve                         chạy máy chủ web / run the web server (PORT, default 3000)
  tre db dump FILE                  sao lưu toàn bộ dữ liệu / dump all data to FILE
  tre db restore FILE [--replace]   khôi phục từ FILE / restore from FILE
  tre users add --username U --name "Họ tên" --role ROLE [--password P] [--commune CODE] [--agency "Sở Y tế"]
                                    thêm người dùng / add a user (roles: ${roles.join(', ')})
${PLAN_HELP}${INDICATORS_HELP}${ROUNDS_HELP}${CHILDREN_HELP}${CASES_HELP}${COMMUNES_HELP}
Biến môi trường / environment:
  DATABASE_URL     máy chủ PostgreSQL; nếu không đặt: PGlite nhúng / PostgreSQL server; else embedded PGlite
  TRE_DATA_DIR     thư mục dữ liệu PGlite / PGlite data folder (./data)
  TRE_PROVINCE     mã tỉnh / province code (40 = Nghệ An)
  TRE_ADMIN_PASSWORD  mật khẩu quản trị lần đầu / first admin password
`;

async function withDb<T>(config: Config, fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const config = loadConfig();
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(HELP);
    return cmd ? 0 : 1;
  }
  // every verb answers --help (or -h) before its own options are parsed, so no verb fails on it
  if (argv.includes('--help') || argv.includes('-h')) {
    const help: Record<string, string> = {
      plan: PLAN_HELP,
      data: INDICATORS_HELP,
      indicators: INDICATORS_HELP,
      rounds: ROUNDS_HELP,
      report: ROUNDS_HELP,
      children: CHILDREN_HELP,
      cases: CASES_HELP,
      communes: COMMUNES_HELP,
    };
    process.stdout.write(help[cmd] ? `Cách dùng / usage:\n${help[cmd]}` : HELP);
    return 0;
  }
  if (cmd === 'serve') {
    const server = await startServer(config);
    process.stdout.write(`Tre đang chạy / running at ${server.url} (${server.db.engine})\n`);
    const stop = () => {
      void server.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => undefined); // runs until a signal
  }
  if (cmd === 'db' && (sub === 'dump' || sub === 'restore')) {
    const { positionals, values } = parseArgs({ args: rest, allowPositionals: true, options: { replace: { type: 'boolean' } } });
    const file = positionals[0];
    if (!file) {
      process.stderr.write(`Thiếu tên tệp / missing FILE: tre db ${sub} FILE\n`);
      return 2;
    }
    return withDb(config, async (db) => {
      if (sub === 'dump') {
        const counts = await dumpDatabase(db, file);
        process.stdout.write(`Đã sao lưu / dumped ${file}: ${JSON.stringify(counts)}\n`);
      } else {
        const counts = await restoreDatabase(db, file, { replace: values.replace ?? false });
        await recordAudit(
          db.kysely,
          { id: null, name: 'cli', ip: null, provinceCode: config.provinceCode },
          {
            action: 'restore',
            entity: 'database',
            entityId: file,
            after: counts,
          },
        );
        process.stdout.write(`Đã khôi phục / restored ${file}: ${JSON.stringify(counts)}\n`);
      }
      return 0;
    });
  }
  if (cmd === 'plan') {
    return planCommand(sub, rest, config, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  }
  if (cmd === 'data' || cmd === 'indicators') {
    const out = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
    return cmd === 'data' ? dataCommand(sub, rest, config, out) : indicatorsCommand(sub, rest, config, out);
  }
  if (cmd === 'rounds' || cmd === 'report') {
    const out = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
    return cmd === 'rounds' ? roundsCommand(sub, rest, config, out) : reportCommand(sub, rest, config, out);
  }
  if (cmd === 'children') {
    return childrenCommand(sub, rest, config, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  }
  if (cmd === 'cases') {
    return casesCommand(sub, rest, config, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  }
  if (cmd === 'communes') {
    return communesCommand(sub, rest, config, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  }
  if (cmd === 'users' && sub === 'add') {
    const { values } = parseArgs({
      args: rest,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        commune: { type: 'string' },
        agency: { type: 'string' },
      },
    });
    if (!values.username || !values.role || !(roles as readonly string[]).includes(values.role)) {
      process.stderr.write(`Cần --username và --role (${roles.join(', ')}) / --username and --role are required\n`);
      return 2;
    }
    return withDb(config, async (db) => {
      const boot = await bootstrap(db, config);
      if (boot.generatedAdminPassword) {
        process.stdout.write(`Tài khoản quản trị đầu tiên / first administrator: admin / ${boot.generatedAdminPassword}\n`);
      }
      const password = values.password ?? (await import('./access/password.ts')).generatePassword();
      let agencyId: string | null = null;
      if (values.agency) {
        const agency = await findAgencyByShortName(db.kysely, config.provinceCode, values.agency);
        if (!agency) {
          process.stderr.write(`Không có cơ quan "${values.agency}" / no such agency\n`);
          return 2;
        }
        agencyId = agency.id;
      }
      const user = await createUser(db.kysely, commandLineActor(config.provinceCode), {
        username: values.username ?? '',
        displayName: values.name ?? values.username ?? '',
        password,
        role: values.role as Role,
        agencyId,
        communeCode: values.commune ?? null,
      });
      process.stdout.write(
        `Đã tạo / created ${user.username} (${user.role})${values.password ? '' : `, mật khẩu / password: ${password}`}\n`,
      );
      return 0;
    });
  }
  process.stderr.write(`Lệnh không rõ / unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(3);
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`Lỗi / error: ${message}\n`);
    process.exit(1);
  }
}
