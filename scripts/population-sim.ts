/**
 * Starts the simulator of the national population database for development, with made-up children
 * (or your own), and prints what to give Tre to use it.
 *
 *   npm run population-sim [-- --port 4010] [--key KEY] [--citizens file.json] [--count 20]
 *
 * Without --key it takes TRE_POPULATION_KEY, or makes one up.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { demoCitizens } from '../packages/server/src/children/population/demo-citizens.ts';
import { loadCitizens, startPopulationSimulator } from '../packages/server/src/children/population/simulator.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      key: { type: 'string' },
      citizens: { type: 'string' },
      count: { type: 'string', default: '20' },
    },
  });
  const apiKey = values.key ?? (process.env.TRE_POPULATION_KEY || `dev-${randomBytes(12).toString('hex')}`);
  const citizens = values.citizens ? await loadCitizens(values.citizens) : demoCitizens(Number(values.count));
  const sim = await startPopulationSimulator({ port: Number(values.port), host: values.host, apiKey, citizens });

  console.log(`Mô phỏng CSDL quốc gia về dân cư / population database simulator: ${sim.url}`);
  console.log(`\n  TRE_POPULATION_URL=${sim.url} TRE_POPULATION_KEY=${apiKey} npm start\n`);
  console.log(`${citizens.length} công dân / citizens, e.g.:`);
  for (const c of citizens.slice(0, 5)) console.log(`  ${c.personalId}  ${c.fullName}  ${c.birthDate}  ${c.sex}`);
  console.log(
    `\nThử / try:\n  curl -s -H 'x-api-key: ${apiKey}' ${sim.url}/v1/citizens/${citizens[0]?.personalId ?? '000000000000'}/residence`,
  );
  console.log(
    `Lỗi giả lập / faults:\n  curl -s -H 'x-api-key: ${apiKey}' -d '{"mode":"unavailable","times":2}' ${sim.url}/__admin/fault`,
  );

  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
