/**
 * The bull rescoring queue on the real Redis of the test run, with the sandboxed processor from
 * dist/ (npm test builds it): a queued job runs a rescoring against the real Neo4j and completes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../lib/config';
import { projectRoot } from '../../lib/paths';
import { connectTestGraph } from '../../test/graph';
import { enqueueRescore, rescoreQueue } from './queue';

const processor = path.join(projectRoot(), 'dist', 'engine', 'jobs', 'rescore-processor.js');

test('a queued rescoring job runs in the sandboxed processor and completes', async () => {
  expect(fs.existsSync(processor)).toBe(true);
  const graph = await connectTestGraph();
  await graph.close();
  const queue = rescoreQueue(loadConfig().redis.url!);
  try {
    await queue.empty();
    const first = await enqueueRescore(queue, { full: true, reason: 'test' });
    const again = await enqueueRescore(queue, { full: true, reason: 'test, again' });
    expect(again.id).toBe(first.id);
    void queue.process(1, processor);
    const result = (await first.finished()) as { mode: string; lots: number };
    expect(result.mode).toBe('full');
    expect(typeof result.lots).toBe('number');
  } finally {
    await queue.close();
  }
});
