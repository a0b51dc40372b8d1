import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { DuplicateRecord } from '@tre/core/children/duplicates/store';

type DuplicateCandidate = DuplicateRecord<number>;
import type { Database } from '../../db/schema.ts';
import { recordAudit, type AuditActor } from '../../audit/audit.ts';
import { insertPairs, knownPairs } from './queue.ts';
import type { ScanMessage, ScanReply } from './scan-thread.ts';
import { auditActorOf, type ImportRunner } from '../../imports/runner.ts';

/**
 * Looks for duplicate children and adds the pairs above the threshold to the review queue. The
 * whole register (`tre children duplicates --scan`, the administrator), or only the records an
 * import added or changed, compared with the register: then only the records that could pair with
 * them are read (same commune, same personal ID, same given name), not the whole register.
 *
 * The scoring runs in a worker thread with its own heap; this thread pages the records out of the
 * database (keyset by id) and hands them over, so requests keep being served meanwhile.
 */

const BOOT = new URL('../../imports/worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./scan-thread.ts', import.meta.url).href;
const PAGE = 20_000;
const SCAN_HEAP_MB = 1536;
const NARROW_UP_TO = 20_000;

type CandidateRow = {
  id: number;
  full_name: string;
  birth_date: string;
  sex: 'male' | 'female';
  personal_id: string | null;
  commune_code: string;
  mother_name: string | null;
  father_name: string | null;
  carer_name: string | null;
};

const toCandidate = (r: CandidateRow): DuplicateCandidate => ({
  id: r.id,
  fullName: r.full_name,
  birthDate: r.birth_date,
  sex: r.sex,
  personalId: r.personal_id,
  communeCode: r.commune_code,
  motherName: r.mother_name,
  fatherName: r.father_name,
  carerName: r.carer_name,
});

/** The records a job added or changed. */
async function jobRecordIds(db: Kysely<Database>, jobId: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT id FROM child WHERE source_job_id = ${jobId}::uuid AND merged_into IS NULL
    UNION SELECT child_id FROM child_history WHERE source_job_id = ${jobId}::uuid
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Pages of records (keyset by id); `near` limits them to those that could pair with a job's records. */
async function* recordPages(db: Kysely<Database>, jobId: string | undefined): AsyncGenerator<DuplicateCandidate[]> {
  let after = 0;
  for (;;) {
    const near = jobId
      ? sql`AND (c.source_job_id = ${jobId}::uuid OR EXISTS (
            SELECT 1 FROM child n WHERE n.source_job_id = ${jobId}::uuid AND n.merged_into IS NULL AND (
              n.commune_code = c.commune_code OR n.personal_id = c.personal_id
              OR substring(n.name_key from '[^ ]+$') = substring(c.name_key from '[^ ]+$'))))`
      : sql``;
    const page = await sql<CandidateRow>`
      SELECT c.id, c.full_name, c.birth_date, c.sex, c.personal_id, c.commune_code, c.mother_name, c.father_name, c.carer_name
      FROM child c WHERE c.merged_into IS NULL AND c.id > ${after} ${near}
      ORDER BY c.id LIMIT ${PAGE}
    `.execute(db);
    if (page.rows.length === 0) return;
    yield page.rows.map(toCandidate);
    after = page.rows[page.rows.length - 1]?.id ?? after;
    if (page.rows.length < PAGE) return;
  }
}

function runScan(
  feed: AsyncGenerator<DuplicateCandidate[]>,
  known: string[],
  onlyInvolving: number[] | null,
): Promise<ScanReply['pairs']> {
  const worker = new Worker(BOOT, {
    workerData: { entry: ENTRY },
    resourceLimits: { maxOldGenerationSizeMb: SCAN_HEAP_MB },
  });
  return new Promise<ScanReply['pairs']>((resolve, reject) => {
    worker.once('message', (m: ScanReply) => resolve(m.pairs));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`duplicate scan thread stopped (${code})`)));
    void (async () => {
      for await (const records of feed) worker.postMessage({ type: 'records', records } satisfies ScanMessage);
      worker.postMessage({ type: 'run', known, onlyInvolving } satisfies ScanMessage);
    })().catch(reject);
  }).finally(() => void worker.terminate());
}

/** Scans, stores the new pairs and audits the scan; returns how many pairs were added to the queue. */
export async function scanDuplicates(
  db: Kysely<Database>,
  audit: AuditActor,
  options: { jobId?: string | undefined; ids?: number[] | undefined },
): Promise<number> {
  const only = options.jobId ? await jobRecordIds(db, options.jobId) : (options.ids ?? null);
  if (only && only.length === 0) return 0;
  // a big job is compared with the whole register: narrowing the register down to it would cost more
  const narrow = only && only.length <= NARROW_UP_TO ? options.jobId : undefined;
  const pairs = await runScan(recordPages(db, narrow), await knownPairs(db), only);
  return db.transaction().execute(async (trx) => {
    const added = await insertPairs(trx, pairs);
    await recordAudit(trx, audit, {
      action: 'scan',
      entity: 'child_duplicate',
      entityId: options.jobId ?? (options.ids ? options.ids.join(',').slice(0, 100) : 'register'),
      after: { found: pairs.length, added, scope: options.jobId ? 'import' : options.ids ? 'records' : 'register' },
    });
    return added;
  });
}

/**
 * The server's duplicate scans, one at a time in the order asked: after each children import its
 * records (audited as the uploader), after a record is typed on the screen that record.
 */
export class DuplicateScans {
  #chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  after(what: { jobId: string } | { ids: number[] }, audit: AuditActor): void {
    this.#chain = this.#chain
      .then(() => scanDuplicates(this.db, audit, what))
      .catch((e: unknown) => {
        console.warn(`Rà trùng / duplicate scan: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown'}`);
      });
  }

  /** Follows the runner: each children import that ends is scanned. */
  followImports(runner: ImportRunner, kind: string): void {
    runner.onProgress((p) => {
      if (p.status !== 'done') return;
      this.#chain = this.#chain.then(async () => {
        const job = await this.db.selectFrom('import_job').selectAll().where('id', '=', p.id).executeTakeFirst();
        if (job?.kind === kind) this.after({ jobId: job.id }, auditActorOf(job));
      });
    });
  }

  /** Resolves when every scan asked so far has ended (tests). */
  async idle(): Promise<void> {
    for (;;) {
      const current = this.#chain;
      await current;
      if (current === this.#chain) return;
    }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the process's duplicate scans (app.ts), e.g. for tests to wait until they are done */
    duplicateScans: DuplicateScans;
  }
}
