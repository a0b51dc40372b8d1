import type { FastifyInstance } from 'fastify';
import { bootstrap } from './bootstrap.ts';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/pool.ts';
import { WEB_DIST, buildApp } from './app.ts';

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database (taking the folder lock), brings it up to date, and listens. */
export async function startServer(config: Config, options: { webDist?: string | undefined } = {}): Promise<RunningServer> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const boot = await bootstrap(db, config);
    if (boot.generatedAdminPassword) {
      // printed once, on the console of the person installing; never logged again
      process.stdout.write(
        `\n  Tài khoản quản trị đầu tiên / first administrator:  admin  /  ${boot.generatedAdminPassword}\n` +
          '  Hãy đổi mật khẩu sau khi đăng nhập / change it after signing in.\n\n',
      );
    }
    const app = await buildApp({ db, config, webDist: options.webDist ?? WEB_DIST });
    const address = await app.listen({ port: config.port, host: config.host });
    let stopped = false;
    return {
      app,
      db,
      url: address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost'),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await app.close();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
