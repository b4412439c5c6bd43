/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the same route table and zod
 * schemas that route and validate requests, so the document cannot describe an API that is not
 * there.
 */
import { z } from 'zod';
import type { RouteDef } from './route';

const PROBLEM = {
  type: 'object',
  required: ['title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
  },
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function operation(def: RouteDef): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [];
  for (const [where, shape] of [
    ['path', def.params],
    ['query', def.query],
  ] as const) {
    if (!shape) continue;
    const object = jsonSchema(z.object(shape)) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(object.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        schema,
        ...((schema as { description?: string }).description
          ? { description: (schema as { description?: string }).description }
          : {}),
      });
    }
  }
  const success = String(def.successStatus ?? 200);
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  return {
    summary: def.summary,
    tags: [def.tag],
    operationId: `${def.method}${def.path.replace(/[/:](\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
    'x-roles': def.roles,
    ...(parameters.length ? { parameters } : {}),
    ...(def.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(def.body) } } } }
      : def.rawBody
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(def.rawBody.map((type) => [type, { schema: { type: 'string' } }])),
            },
          }
        : {}),
    responses: {
      [success]: {
        description: 'success',
        ...(def.stream
          ? { content: { 'text/event-stream': { schema: { type: 'string' } } } }
          : def.produces
            ? {
                content: Object.fromEntries(
                  Object.entries(def.produces).map(([type, kind]) => [
                    type,
                    { schema: kind === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' } },
                  ]),
                ),
              }
            : {
                content: {
                  'application/json': { schema: def.response ? jsonSchema(def.response) : { type: 'object' } },
                },
              }),
      },
      '400': { description: 'invalid parameters or body', ...problem },
      '401': { description: 'no or unknown API key', ...problem },
      '403': { description: 'the key’s role may not use this route', ...problem },
      '404': { description: 'not found, or outside the key’s jurisdiction', ...problem },
      '429': { description: 'rate limit of the key exceeded', ...problem },
    },
  };
}

export function openApiDocument(routes: RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = `/api/v1${def.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...(paths[path] ?? {}), [def.method]: operation(def) };
  }
  paths['/healthz'] = {
    get: {
      summary: 'Neo4j and Redis reachable',
      security: [],
      responses: { '200': { description: 'up' }, '503': { description: 'down' } },
    },
  };
  paths['/metrics'] = {
    get: {
      summary: 'Prometheus metrics',
      security: [],
      responses: { '200': { description: 'text exposition format' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Collusion detection engine API',
      version,
      description:
        'Flags are leads for a person, never verdicts. Every request is written to a hash-chained audit log; ' +
        'everything outside the key’s jurisdiction answers 404.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'API key from `collusion keys create`' },
      },
      schemas: { Problem: PROBLEM },
    },
    paths,
  };
}
