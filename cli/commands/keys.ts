/**
 * `collusion keys create|list|revoke`: the administrator's side of API keys. A new key is printed
 * once, as the last line of stdout, and is never retrievable again (only its hash is stored).
 */
import { Command } from 'commander';
import { ApiKey, createKey, listKeys, revokeKey, Role, ROLES } from '../../api/keys/store';
import { say, withGraph } from '../context';
import { EXIT } from '../exit-codes';

interface CreateFlags {
  role: string;
  name: string;
  regions?: string;
  sectors?: string;
}

/** `4101, 4102` → ['4101', '4102']; absent or empty → undefined (unrestricted). */
function listOption(raw: string | undefined): string[] | undefined {
  const values = (raw ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
}

function scopeText(values: string[] | null): string {
  return values === null ? 'all' : values.join(',');
}

export function keysCommands(program: Command, outcome: { exitCode: number }): void {
  const keys = program.command('keys').description('API keys: create, list and revoke who may call the API');
  keys
    .command('create')
    .description('create an API key; the key is printed once, as the last line of stdout, and cannot be shown again')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--name <name>', 'who holds the key (unique among unrevoked keys), e.g. zhengzhou-housing-bureau')
    .option(
      '--regions <prefixes>',
      'division-code prefixes the key may see, comma-separated (e.g. 4101,4102); default all',
    )
    .option('--sectors <sectors>', 'sectors the key may see, comma-separated (e.g. construction,water); default all')
    .action(async (flags: CreateFlags) => {
      if (!(ROLES as readonly string[]).includes(flags.role)) {
        program.error(`collusion keys create: --role must be one of ${ROLES.join(', ')}`, { exitCode: EXIT.usage });
      }
      const { key, record } = await withGraph(async (graph) => {
        await graph.applySchema();
        return createKey(graph, {
          name: flags.name,
          role: flags.role as Role,
          regions: listOption(flags.regions),
          sectors: listOption(flags.sectors),
        });
      });
      say(
        `created ${record.id} "${record.name}": role ${record.role}, regions ${scopeText(record.regions)}, sectors ${scopeText(record.sectors)}`,
      );
      say('the key follows; store it now, it is not shown again:');
      console.log(key);
    });
  keys
    .command('list')
    .description('list API keys (never the keys themselves), revoked ones included')
    .option('--json', 'print the keys as JSON')
    .action(async (flags: { json?: boolean }) => {
      const all = await withGraph((graph) => listKeys(graph));
      if (flags.json) {
        console.log(JSON.stringify(all, null, 2));
        return;
      }
      if (all.length === 0) say('no API keys; create one with `collusion keys create --role admin --name <who>`');
      for (const k of all) console.log(keyLine(k));
    });
  keys
    .command('revoke')
    .description('revoke an API key; it stops working within seconds')
    .argument('<id-or-name>', 'the key id (K-…) or the name of an unrevoked key, as shown by `collusion keys list`')
    .action(async (ref: string) => {
      const revoked = await withGraph((graph) => revokeKey(graph, ref));
      if (!revoked) {
        process.stderr.write(
          `collusion keys revoke: no key with id or name "${ref}"; list them with \`collusion keys list\`\n`,
        );
        outcome.exitCode = EXIT.inputErrors;
        return;
      }
      console.log(`revoked ${revoked.id} "${revoked.name}" at ${revoked.revoked_at}`);
    });
}

function keyLine(k: ApiKey): string {
  return [
    k.id,
    k.role.padEnd(12),
    k.revoked_at ? `revoked ${k.revoked_at}` : 'active'.padEnd(32),
    `regions ${scopeText(k.regions)}`,
    `sectors ${scopeText(k.sectors)}`,
    k.name,
  ].join('  ');
}
