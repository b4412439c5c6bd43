/**
 * Reads the `.cypher` files of this folder by name (`load/bid`, `stats/counts`). Keeping every
 * statement in a file lets an investigator paste it into Neo4j Browser, and keeps Cypher out of
 * string concatenation in TypeScript.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/paths';

const cache = new Map<string, string>();

/** The folder holding the .cypher files (in the checkout, also when running from dist/). */
export function cypherDir(): string {
  return path.join(projectRoot(), 'cypher');
}

/** The text of `cypher/<name>.cypher`. */
export function statement(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(cypherDir(), `${name}.cypher`);
    if (!fs.existsSync(file)) throw new Error(`cypher: no statement file ${file}`);
    text = fs.readFileSync(file, 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** The statements of a multi-statement file such as schema.cypher, split on `;` at line ends. */
export function statements(name: string): string[] {
  return statement(name)
    .split(/;\s*$/m)
    .map((s) =>
      s
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s !== '');
}
