import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDatabaseUrl } from './config.js';

describe('loadConfig', () => {
  it('has defaults that serve the demo site on SQLite at http://localhost:3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.siteUrl).toBe('http://localhost:3000');
    expect(config.database).toEqual({ kind: 'sqlite', file: './data/newsdesk.sqlite' });
    expect(config.excerptWords).toBe(15);
    expect(config.recentPosts).toBe(5);
    expect(config.locale).toBe('en-GB');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('strips a trailing slash from the site URL and canonicalises locale and time zone', () => {
    const config = loadConfig({ NEWSDESK_SITE_URL: 'https://news.example.com/', NEWSDESK_LOCALE: 'ur-pk', NEWSDESK_TIME_ZONE: 'asia/karachi' });
    expect(config.siteUrl).toBe('https://news.example.com');
    expect(config.locale).toBe('ur-PK');
    expect(config.timeZone).toBe('Asia/Karachi');
  });

  it('reports every bad setting at once, each with what to do', () => {
    let error: unknown;
    try {
      loadConfig({ NEWSDESK_PORT: '99999', NEWSDESK_LOCALE: '??', NEWSDESK_TIME_ZONE: 'Mars/Base', NEWSDESK_EXCERPT_WORDS: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'NEWSDESK_PORT must be a whole number from 0 to 65535, not "99999".',
      'NEWSDESK_LOCALE must be a language tag such as en-GB or fr, not "??".',
      'NEWSDESK_TIME_ZONE must be an IANA time zone such as Europe/London or Asia/Karachi, not "Mars/Base".',
      'NEWSDESK_EXCERPT_WORDS must be a whole number from 1 to 200, not "0".',
    ]);
  });

  it('reads outgoing mail settings, and needs both or neither', () => {
    expect(loadConfig({}).mail).toBeNull();
    const config = loadConfig({ NEWSDESK_SMTP_URL: 'smtp://mail.example.com:587', NEWSDESK_MAIL_FROM: 'Newsroom <news@example.com>' });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://mail.example.com:587', from: 'Newsroom <news@example.com>' });
    expect(loadConfig({ NEWSDESK_SMTP_URL: 'smtps://u:p@mail.example.com:465', NEWSDESK_MAIL_FROM: 'news@example.com' }).mail?.from).toBe('news@example.com');
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return [...(error as ConfigError).problems];
      }
    };
    expect(problems({ NEWSDESK_SMTP_URL: 'smtp://mail.example.com' })).toEqual([
      'NEWSDESK_MAIL_FROM must be the sender\'s address, e.g. "Newsroom <news@example.com>" (it is required with NEWSDESK_SMTP_URL).',
    ]);
    expect(problems({ NEWSDESK_MAIL_FROM: 'news@example.com' })[0]).toContain('NEWSDESK_MAIL_FROM is set but NEWSDESK_SMTP_URL is not');
    // The password in a bad URL is not repeated back.
    expect(problems({ NEWSDESK_SMTP_URL: 'http://user:secret@mail.example.com', NEWSDESK_MAIL_FROM: 'news@example.com' })).toEqual([
      'NEWSDESK_SMTP_URL must look like smtp://host:587 or smtps://user:password@host:465, not "http://…@mail.example.com".',
    ]);
    expect(problems({ NEWSDESK_SMTP_URL: 'smtp://mail.example.com', NEWSDESK_MAIL_FROM: 'Newsroom <news@example.com' })).toHaveLength(1);
  });
});

describe('parseDatabaseUrl', () => {
  const parse = (url: string) => {
    const problems: string[] = [];
    return { config: parseDatabaseUrl(url, problems), problems };
  };

  it('reads SQLite paths in the usual spellings', () => {
    expect(parse('sqlite:./data/x.sqlite').config).toEqual({ kind: 'sqlite', file: './data/x.sqlite' });
    expect(parse('sqlite:///var/lib/news.sqlite').config).toEqual({ kind: 'sqlite', file: '/var/lib/news.sqlite' });
    expect(parse('file:news.db').config).toEqual({ kind: 'sqlite', file: 'news.db' });
  });

  it('reads PostgreSQL URLs and takes ?schema= out of the connection string', () => {
    expect(parse('postgres://app:secret@db:5432/news?schema=site_a').config).toEqual({
      kind: 'postgres',
      url: 'postgres://app:secret@db:5432/news',
      schema: 'site_a',
    });
    expect(parse('postgresql://db/news').config.kind).toBe('postgres');
    expect(parse('postgres://db/news?schema=Bad-Name').problems[0]).toContain('schema "Bad-Name"');
  });

  it('refuses other databases with the accepted forms in the message', () => {
    expect(parse('mysql://localhost/news').problems).toEqual([
      'DATABASE_URL has the unsupported scheme "mysql". Use sqlite:<file> (default sqlite:./data/newsdesk.sqlite) or postgres://user:password@host:5432/database.',
    ]);
  });
});
