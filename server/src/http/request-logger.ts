/**
 * request.log, made when first written to. Fastify gives every request a pino child logger bound
 * to its trace id (`logger.child({trace_id})`), made before routing; pino builds each child's
 * serialized bindings and level methods, ~5 us of the main thread per request (issue 18: the query
 * path's JS outside the search). With fastify's own request lines off (app.ts) and the access log
 * writing its own line, a request that succeeds never logs through it: only failures (a 5xx,
 * fastify's warnings) do. So the child is made the first time a request logs, with the same
 * bindings and options, and writes exactly what the eager child would have.
 */
import type { FastifyBaseLogger } from "fastify";
import type { ChildLoggerOptions } from "pino";

type Bindings = Record<string, unknown>;
type ChildOptions = ChildLoggerOptions<never>;
type LogFn = (...args: unknown[]) => void;

export class LazyChildLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  /** The real child (made on first use). */
  get logger(): FastifyBaseLogger {
    this.made ??= this.parent.child(this.bindings, this.options);
    return this.made;
  }

  get level(): string {
    return this.made !== undefined ? this.made.level : ((this.options.level as string | undefined) ?? this.parent.level);
  }

  set level(level: string) {
    this.logger.level = level;
  }

  fatal(...args: unknown[]): void {
    (this.logger.fatal as LogFn)(...args);
  }
  error(...args: unknown[]): void {
    (this.logger.error as LogFn)(...args);
  }
  warn(...args: unknown[]): void {
    (this.logger.warn as LogFn)(...args);
  }
  info(...args: unknown[]): void {
    (this.logger.info as LogFn)(...args);
  }
  debug(...args: unknown[]): void {
    (this.logger.debug as LogFn)(...args);
  }
  trace(...args: unknown[]): void {
    (this.logger.trace as LogFn)(...args);
  }
  silent(...args: unknown[]): void {
    (this.logger.silent as LogFn)(...args);
  }
  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

/** Fastify's childLoggerFactory option: a LazyChildLogger in place of logger.child(bindings, options). */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildOptions): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger;
}
