/**
 * Typed errors of tools/: the local services (embedded Neo4j, redis-server) the project starts by itself.
 * Messages start with the service name and say what to do next, because they reach a person at a terminal.
 */

/** Which local service an error is about. */
export type ServiceName = 'neo4j' | 'redis';

/** A local service could not be found, built or started; the message says how to fix it or what to use instead. */
export class ServiceUnavailableError extends Error {
  /**
   * @example
   * throw new ServiceUnavailableError('redis', 'redis-server is not installed: apt-get install redis-server, or set REDIS_URL');
   */
  constructor(
    readonly service: ServiceName,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${service}: ${message}`, options);
    this.name = 'ServiceUnavailableError';
  }
}
