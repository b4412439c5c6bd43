/**
 * The project root (the folder of package.json), found from this file's own location so that it
 * works from source (jest) and from compiled code under dist/.
 */
import fs from 'node:fs';
import path from 'node:path';

let root: string | undefined;

export function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'cypher'))) return (root = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`collusion: cannot find the project root (package.json) above ${__dirname}`);
    dir = parent;
  }
}
