import type { FastifyInstance } from 'fastify';
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/config.js';
import type { Store } from '../core/ports.js';
import { createStore } from '../storage/create-store.js';

/**
 * What the commands need from the composition root (app/), handed in by app/main.ts so that cli/ does
 * not import app/ (DESIGN.md §2).
 */
export interface CliServices {
  createApp(input: { config: Config }): Promise<{ server: FastifyInstance; close(): Promise<void> }>;
  seedDemo(input: { store: Store; config: Config }): Promise<{ articles: number; categories: number; authors: number }>;
}

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface Command {
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: {
    config: Config;
    values: Record<string, string | boolean | undefined>;
    io: CliIo;
    services: CliServices;
  }): Promise<{ code: number; stop?: () => Promise<void> }>;
}

function describeDatabase(config: Config): string {
  return config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
}

const serve: Command = {
  summary: 'Serve the site (creates and migrates the database; loads demo content into an empty one).',
  help: `Usage: newsdesk serve [--port N] [--host H]

Serves the public site. On an empty database the demo content is loaded unless NEWSDESK_DEMO_CONTENT=off.
  --port N   port to listen on (default NEWSDESK_PORT or 3000)
  --host H   address to bind (default NEWSDESK_HOST or localhost; 0.0.0.0 for every interface)
`,
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run({ config, values, io, services }) {
    const port = values.port === undefined ? config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr.write(`newsdesk serve: --port must be a whole number from 0 to 65535, not "${String(values.port)}".\n`);
      return { code: 1 };
    }
    const host = typeof values.host === 'string' ? values.host : config.host;
    const app = await services.createApp({ config });
    try {
      await app.server.listen({ port, host });
    } catch (error) {
      await app.close().catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE') {
        io.stderr.write(`newsdesk serve: port ${port} on ${host} is already in use. Stop the program using it or set NEWSDESK_PORT to a free port.\n`);
        return { code: 1 };
      }
      if (code === 'EACCES') {
        io.stderr.write(`newsdesk serve: not allowed to listen on port ${port}. Use a port above 1023 or run with the needed rights.\n`);
        return { code: 1 };
      }
      throw error;
    }
    const address = app.server.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    io.stdout.write(`Newsdesk is serving http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${actualPort} (${describeDatabase(config)}). Press Ctrl+C to stop.\n`);
    return { code: 0, stop: () => app.close() };
  },
};

const migrate: Command = {
  summary: 'Create or update the database schema.',
  help: `Usage: newsdesk migrate

Applies every pending migration to the database named by DATABASE_URL (default sqlite:./data/newsdesk.sqlite).
`,
  options: {},
  async run({ config, io }) {
    const store = await createStore(config.database);
    try {
      await store.migrate();
      io.stdout.write(`Database is up to date (${describeDatabase(config)}).\n`);
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

const seedDemoCommand: Command = {
  summary: 'Load the demo newsroom: authors, categories and articles from the last few days.',
  help: `Usage: newsdesk seed-demo

Migrates the database, then loads the demo content in one transaction. Safe to run twice: it does nothing
when the demo authors are already there.
`,
  options: {},
  async run({ config, io, services }) {
    const store = await createStore(config.database);
    try {
      await store.migrate();
      const result = await services.seedDemo({ store, config });
      io.stdout.write(
        result.articles === 0
          ? 'The demo content is already loaded; nothing changed.\n'
          : `Loaded ${result.articles} articles, ${result.categories} categories and ${result.authors} authors.\n`,
      );
      return { code: 0 };
    } finally {
      await store.close();
    }
  },
};

export const commands: Record<string, Command> = { serve, migrate, 'seed-demo': seedDemoCommand };
