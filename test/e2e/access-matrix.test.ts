import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { requestPasswordReset } from '../../src/core/accounts/password-reset.js';
import { confirmTwoFactor, startTwoFactor } from '../../src/core/accounts/two-factor.js';
import { addUser } from '../../src/core/accounts/users.js';
import type { Article, ArticleStatus } from '../../src/core/articles/article.js';
import { createArticle } from '../../src/core/articles/create-article.js';
import type { Author, Role } from '../../src/core/authors/author.js';
import { createSection } from '../../src/core/taxonomy/manage.js';
import { argon2Hasher } from '../../src/app/argon2-hasher.js';
import { processImage } from '../../src/media/process-image.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { AdminClient, multipartBody, PASSWORD } from '../support/admin-session.js';
import { createPage } from '../../src/core/pages/manage-pages.js';
import { testDatabases } from '../support/databases.js';
import { codeAt } from '../support/one-time-codes.js';
import { startSmtpCatcher } from '../support/smtp-catcher.js';
import { openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

/*
 * The role × route matrix. Every expectation below is written by hand from what the newsroom promises
 * (README "The newsroom"), never read from the routes' own access declarations: if a declaration drifts,
 * this table disagrees with it. Each request is valid (CSRF token, current revision, a real picture), so an
 * allowed request runs its handler to its success status, and a refusal is the access rule, not validation.
 *
 * Columns, in order:
 *   site and newsroom rows: anonymous, contributor, author, editor, admin (signed in through the real form);
 *   API rows: no key, a well-formed unknown key, and keys of role contributor, author, editor, admin.
 * Besides the columns, every site row is also sent with each API key and no cookie (a key opens nothing
 * outside /api/: expect the anonymous column), and every API row with each staff session and no key (a
 * session opens nothing inside /api/: expect the no-key column).
 *
 * 'login' is the sign-in redirect (303 to /admin/login?next=…) that a page asks of someone not signed in; 303 is
 * any other redirect (the success of a form).
 */

const SITE = 'https://news.example.test';
const STAFF: readonly Role[] = ['contributor', 'author', 'editor', 'admin'];
const KEYS: readonly Role[] = ['contributor', 'author', 'editor', 'admin'];
type Outcome = 200 | 302 | 303 | 400 | 401 | 403 | 404 | 409 | 'login';

type Actor =
  | { kind: 'anonymous' }
  | { kind: 'staff'; role: Role; person: Author; client: AdminClient }
  | { kind: 'key'; label: string; token: string };

interface Request {
  url: string;
  form?: Record<string, string | number>;
  json?: object;
  file?: { fields: Record<string, string | number> };
  /** Extra cookies (the pending cookie of a half-done two-step sign-in; the guest CSRF cookie is added for guestForm rows). */
  cookies?: Record<string, string>;
  /** The article this request writes to: a refusal must leave its revision as it was, a success move it on. */
  writes?: number;
}

interface Fixtures {
  actor: Actor;
  /** The signed-in person, or someone else's stand-in for anonymous and API-key callers. */
  me: Author;
  /** A fresh article of `me` ('mine') or of another author ('theirs') in the given state. */
  article(owner: 'mine' | 'theirs', status: ArticleStatus | 'scheduled'): Promise<Article>;
  n: number;
}

interface Row {
  /** Method and path exactly as the server registers the route. */
  route: string;
  what: string;
  expect: readonly Outcome[];
  build(fixtures: Fixtures): Promise<Request> | Request;
  /** Staff callers act as a new person of their role (changing a password ends the person's other sessions). */
  freshPerson?: boolean;
  /** Staff callers act through a second session of their own (signing out ends it). */
  freshSession?: boolean;
  /** A sign-in or set-up form: it carries the guest CSRF pair (a cookie from the form page, echoed in the body). */
  guestForm?: boolean;
}

const row = (route: string, what: string, expect: readonly Outcome[], build: Row['build'], options: Partial<Row> = {}): Row => ({
  route,
  what,
  expect,
  build,
  ...options,
});

/** What each one is sent: a site row for every public address kind. */
const PUBLIC_ARTICLE = 'pakistan-cabinet-approves-cis-moa-with-united-states';
const ALL_200: readonly Outcome[] = [200, 200, 200, 200, 200];
const publicRow = (route: string, url: string): Row => row(route, `reads ${url}`, ALL_200, () => ({ url }));

const LATER = '2026-11-30T09:00';

//                                                                             anonymous  contrib  author  editor  admin
const ROUTES_BY_HAND = (picture: () => string, asset: () => string): Row[] => [
  // The reading site: open to everyone, signed in or not.
  row('GET /', 'reads the home page', ALL_200, () => ({ url: '/' })),
  row('GET /:slug', 'reads a published article', ALL_200, () => ({ url: `/${PUBLIC_ARTICLE}` })),
  row('GET /:slug', "cannot read a draft on the site, even one's own", [404, 404, 404, 404, 404], async (f) => ({
    url: `/${(await f.article('mine', 'draft')).slug}`,
  })),
  row('GET /:slug', 'cannot read a scheduled article before its time', [404, 404, 404, 404, 404], async (f) => ({
    url: `/${(await f.article('mine', 'scheduled')).slug}`,
  })),
  publicRow('GET /category/:slug', '/category/economy'),
  publicRow('GET /tag/:slug', '/tag/pakistan'),
  publicRow('GET /author/:slug', '/author/imran-qadir'),
  publicRow('GET /search', '/search?q=pakistan'),
  publicRow('GET /search/suggest', '/search/suggest?q=pakis'),
  publicRow('GET /rss.xml', '/rss.xml'),
  publicRow('GET /atom.xml', '/atom.xml'),
  publicRow('GET /feed.json', '/feed.json'),
  publicRow('GET /category/:slug/rss.xml', '/category/economy/rss.xml'),
  publicRow('GET /category/:slug/atom.xml', '/category/economy/atom.xml'),
  publicRow('GET /category/:slug/feed.json', '/category/economy/feed.json'),
  publicRow('GET /tag/:slug/rss.xml', '/tag/pakistan/rss.xml'),
  publicRow('GET /tag/:slug/atom.xml', '/tag/pakistan/atom.xml'),
  publicRow('GET /tag/:slug/feed.json', '/tag/pakistan/feed.json'),
  publicRow('GET /author/:slug/rss.xml', '/author/imran-qadir/rss.xml'),
  publicRow('GET /author/:slug/atom.xml', '/author/imran-qadir/atom.xml'),
  publicRow('GET /author/:slug/feed.json', '/author/imran-qadir/feed.json'),
  publicRow('GET /robots.txt', '/robots.txt'),
  publicRow('GET /sitemap.xml', '/sitemap.xml'),
  publicRow('GET /news-sitemap.xml', '/news-sitemap.xml'),
  publicRow('GET /sitemaps/:name', '/sitemaps/pages.xml'),
  publicRow('GET /healthz', '/healthz'),
  publicRow('GET /readyz', '/readyz'),
  row('GET /assets/:name', 'reads the stylesheet', ALL_200, () => ({ url: asset() })),
  publicRow('GET /favicon.ico', '/favicon.ico'),
  row('GET /media/:name', 'reads an uploaded picture', ALL_200, () => ({ url: picture() })),

  // Signing in and setting up: guests' forms, the same for everyone.
  row('GET /admin/login', 'opens the sign-in form', ALL_200, () => ({ url: '/admin/login' })),
  row('POST /admin/login', 'signs in with the right password', [303, 303, 303, 303, 303], () => ({
    url: '/admin/login',
    form: { email: 'signer@newsroom.test', password: PASSWORD },
    // Signing in again ends the session the browser had: staff do it from a second session of their own.
  }), { guestForm: true, freshSession: true }),
  row('GET /admin/setup', 'is sent to sign in once the site is set up', [303, 303, 303, 303, 303], () => ({ url: '/admin/setup' })),
  row('POST /admin/setup', 'cannot set the site up twice', [409, 409, 409, 409, 409], (f) => ({
    url: '/admin/setup',
    form: { email: `second-${f.n}@newsroom.test`, displayName: 'Second Admin', password: 'a long enough password' },
  }), { guestForm: true }),
  // The code step of two-step sign-in belongs to whoever holds the pending cookie a right password left.
  //                                                                                        anonymous contrib author editor admin
  row('GET /admin/login/code', 'opens the code form after a right password', ALL_200, async () => ({
    url: '/admin/login/code',
    cookies: { newsdesk_pending: (await pendingSignIn()).pending },
  })),
  row('GET /admin/login/code', 'is sent back to sign in without a password step', [303, 303, 303, 303, 303], () => ({ url: '/admin/login/code' })),
  row('POST /admin/login/code', 'finishes signing in with the code from the app', [303, 303, 303, 303, 303], async () => {
    const { pending, secret } = await pendingSignIn();
    // The person waits for the app's next code: the one that turned two-step sign-in on is used up.
    state().app.clock.advance(30_000);
    return { url: '/admin/login/code', form: { code: codeAt(secret, state().app.clock.now()) }, cookies: { newsdesk_pending: pending } };
  }, { guestForm: true, freshSession: true }),
  row('POST /admin/login/code', 'is refused without a password step', [401, 401, 401, 401, 401], () => ({ url: '/admin/login/code', form: { code: '123456' } }), { guestForm: true }),
  // Forgotten passwords: asking answers the same for any address; a link is its own authority.
  row('GET /admin/forgot', 'opens the forgotten-password form', ALL_200, () => ({ url: '/admin/forgot' })),
  row('POST /admin/forgot', 'asks for a reset link', ALL_200, () => ({ url: '/admin/forgot', form: { email: 'signer@newsroom.test' } }), { guestForm: true }),
  row('GET /admin/reset', 'opens a live reset link', ALL_200, async () => ({ url: `/admin/reset?token=${await resetToken()}` })),
  row('GET /admin/reset', 'is told a link that was never sent is not valid', [400, 400, 400, 400, 400], () => ({ url: '/admin/reset?token=a-token-this-site-never-sent-anyone' })),
  row('GET /admin/reset', 'is told a link without its token is not valid', [400, 400, 400, 400, 400], () => ({ url: '/admin/reset' })),
  row('POST /admin/reset', 'sets a new password through a live link', ALL_200, async () => ({
    url: '/admin/reset',
    form: { token: await resetToken(), password: 'a brand new long password' },
  }), { guestForm: true }),
  row('POST /admin/reset', 'cannot set a password with a link that was never sent', [400, 400, 400, 400, 400], () => ({
    url: '/admin/reset',
    form: { token: 'a-token-this-site-never-sent-anyone', password: 'a brand new long password' },
  }), { guestForm: true }),

  // Everyone on the staff: their own account.
  //                                                                                        anonymous contrib author editor admin
  row('POST /admin/logout', 'signs out', [401, 303, 303, 303, 303], () => ({ url: '/admin/logout', form: {} }), { freshSession: true }),
  row('GET /admin/profile', 'opens their profile', ['login', 200, 200, 200, 200], () => ({ url: '/admin/profile' })),
  row('POST /admin/profile', 'saves their profile', [401, 200, 200, 200, 200], (f) => ({
    url: '/admin/profile',
    form: { displayName: f.me.displayName, bio: `Reports for the desk (${f.n}).`, slug: f.me.slug },
  })),
  row('POST /admin/profile/avatar', 'uploads their portrait', [401, 200, 200, 200, 200], () => ({ url: '/admin/profile/avatar', file: { fields: {} } })),
  row('GET /admin/password', 'opens the password form', ['login', 200, 200, 200, 200], () => ({ url: '/admin/password' })),
  row('POST /admin/password', 'changes their password', [401, 200, 200, 200, 200], () => ({
    url: '/admin/password',
    form: { current: PASSWORD, next: 'another long password' },
  }), { freshPerson: true }),
  row('POST /admin/sessions/end-all', 'signs out everywhere', [401, 303, 303, 303, 303], () => ({ url: '/admin/sessions/end-all', form: {} }), { freshPerson: true }),
  row('GET /admin/profile/two-step', 'opens the two-step set-up', ['login', 200, 200, 200, 200], () => ({ url: '/admin/profile/two-step' })),
  row('POST /admin/profile/two-step/enable', 'turns two-step sign-in on with a code from the app', [401, 200, 200, 200, 200], async (f) => {
    if (f.actor.kind !== 'staff') return { url: '/admin/profile/two-step/enable', form: { code: '123456' } };
    const secret = await twoStepSecret(f.actor.client);
    return { url: '/admin/profile/two-step/enable', form: { code: codeAt(secret, state().app.clock.now()) } };
  }, { freshPerson: true }),
  row('POST /admin/profile/two-step/disable', 'turns two-step sign-in off with a code from the app', [401, 200, 200, 200, 200], async (f) => {
    if (f.actor.kind !== 'staff') return { url: '/admin/profile/two-step/disable', form: { code: '123456' } };
    const secret = await twoStepSecret(f.actor.client);
    const on = await f.actor.client.post('/admin/profile/two-step/enable', { code: codeAt(secret, state().app.clock.now()) });
    expect(on.statusCode, 'two-step sign-in turned on first').toBe(200);
    state().app.clock.advance(30_000);
    return { url: '/admin/profile/two-step/disable', form: { code: codeAt(secret, state().app.clock.now()) } };
  }, { freshPerson: true }),

  // Articles: lists, new drafts, previews.
  row('GET /admin', 'opens the dashboard', ['login', 200, 200, 200, 200], () => ({ url: '/admin' })),
  row('GET /admin/articles/new', 'opens the new-article form', ['login', 200, 200, 200, 200], () => ({ url: '/admin/articles/new' })),
  row('POST /admin/articles', 'starts a draft', [401, 303, 303, 303, 303], (f) => ({ url: '/admin/articles', form: { title: `Matrix draft ${f.n}` } })),
  row('POST /admin/preview', 'previews Markdown', [401, 200, 200, 200, 200], () => ({ url: '/admin/preview', form: { bodyMd: '## A heading\n\nText.' } })),

  // Articles: one's own against someone else's.
  //                                                                                        anonymous contrib author editor admin
  row('GET /admin/articles/:id', 'opens their own draft', ['login', 200, 200, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('mine', 'draft')).id}` })),
  row('GET /admin/articles/:id', "opens someone else's draft", ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('theirs', 'draft')).id}` })),
  row('GET /admin/articles/:id', 'opens their own published article', ['login', 403, 200, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('mine', 'published')).id}` })),
  row('POST /admin/articles/:id', 'saves their own draft', [401, 303, 303, 303, 303], async (f) => edit(await f.article('mine', 'draft'), { title: `Saved ${f.n}`, bodyMd: 'Edited body.' })),
  row('POST /admin/articles/:id', "saves someone else's draft", [401, 403, 403, 303, 303], async (f) => edit(await f.article('theirs', 'draft'), { title: `Saved ${f.n}`, bodyMd: 'Edited body.' })),
  row('POST /admin/articles/:id', 'saves their own published article', [401, 403, 303, 303, 303], async (f) => edit(await f.article('mine', 'published'), { title: `Saved ${f.n}` })),
  row('POST /admin/articles/:id', 'changes the byline of their own draft', [401, 403, 403, 303, 303], async (f) =>
    edit(await f.article('mine', 'draft'), { title: `Bylined ${f.n}`, authors: `${f.me.slug}, imran-qadir` }),
  ),
  row('POST /admin/articles/:id/autosave', 'autosaves their own draft', [401, 200, 200, 200, 200], async (f) => edit(await f.article('mine', 'draft'), { title: `Autosaved ${f.n}` }, 'autosave')),
  row('POST /admin/articles/:id/autosave', "autosaves someone else's draft", [401, 403, 403, 200, 200], async (f) => edit(await f.article('theirs', 'draft'), { title: `Autosaved ${f.n}` }, 'autosave')),
  row('POST /admin/articles/:id/action', 'submits their own draft', [401, 303, 303, 303, 303], async (f) => action(await f.article('mine', 'draft'), 'submit')),
  row('POST /admin/articles/:id/action', "submits someone else's draft", [401, 403, 403, 303, 303], async (f) => action(await f.article('theirs', 'draft'), 'submit')),
  row('POST /admin/articles/:id/action', 'publishes their own draft', [401, 403, 303, 303, 303], async (f) => action(await f.article('mine', 'draft'), 'publish')),
  row('POST /admin/articles/:id/action', "publishes someone else's article in review", [401, 403, 403, 303, 303], async (f) => action(await f.article('theirs', 'in_review'), 'publish')),
  row('POST /admin/articles/:id/action', 'schedules their own draft', [401, 403, 303, 303, 303], async (f) => action(await f.article('mine', 'draft'), 'schedule', { at: LATER })),
  row('POST /admin/articles/:id/action', "schedules someone else's draft", [401, 403, 403, 303, 303], async (f) => action(await f.article('theirs', 'draft'), 'schedule', { at: LATER })),
  row('POST /admin/articles/:id/action', 'unpublishes their own article', [401, 403, 303, 303, 303], async (f) => action(await f.article('mine', 'published'), 'unpublish')),
  row('POST /admin/articles/:id/action', "unpublishes someone else's article", [401, 403, 403, 303, 303], async (f) => action(await f.article('theirs', 'published'), 'unpublish')),
  row('POST /admin/articles/:id/action', 'archives their own article', [401, 403, 303, 303, 303], async (f) => action(await f.article('mine', 'published'), 'archive')),
  row('POST /admin/articles/:id/action', "archives someone else's article", [401, 403, 403, 303, 303], async (f) => action(await f.article('theirs', 'published'), 'archive')),
  row('POST /admin/articles/:id/action', 'restores their own archived article', [401, 403, 303, 303, 303], async (f) => action(await f.article('mine', 'archived'), 'restore')),
  row('POST /admin/articles/:id/action', "restores someone else's archived article", [401, 403, 403, 303, 303], async (f) => action(await f.article('theirs', 'archived'), 'restore')),
  row('GET /admin/articles/:id/confirm', 'is asked before publishing their own draft', ['login', 403, 200, 200, 200], async (f) => ({
    url: `/admin/articles/${(await f.article('mine', 'draft')).id}/confirm?action=publish`,
  })),
  row('GET /admin/articles/:id/confirm', "is asked before unpublishing someone else's article", ['login', 403, 403, 200, 200], async (f) => ({
    url: `/admin/articles/${(await f.article('theirs', 'published')).id}/confirm?action=unpublish`,
  })),
  row('GET /admin/articles/:id/conflicts/:conflict', 'compares their own version kept aside', ['login', 200, 200, 200, 200], async (f) => {
    const { article, kept } = await keptAside(f, 'mine');
    return { url: `/admin/articles/${article.id}/conflicts/${kept}` };
  }),
  row('GET /admin/articles/:id/conflicts/:conflict', "compares someone else's version kept aside", ['login', 403, 403, 200, 200], async (f) => {
    const { article, kept } = await keptAside(f, 'theirs');
    return { url: `/admin/articles/${article.id}/conflicts/${kept}` };
  }),
  row('POST /admin/articles/:id/conflicts/:conflict', 'merges their own version kept aside', [401, 303, 303, 303, 303], async (f) => {
    const { article, kept } = await keptAside(f, 'mine');
    return { url: `/admin/articles/${article.id}/conflicts/${kept}`, form: { theirs: article.revision }, writes: article.id };
  }),
  row('POST /admin/articles/:id/conflicts/:conflict', "merges someone else's version kept aside", [401, 403, 403, 303, 303], async (f) => {
    const { article, kept } = await keptAside(f, 'theirs');
    return { url: `/admin/articles/${article.id}/conflicts/${kept}`, form: { theirs: article.revision }, writes: article.id };
  }),
  row('GET /admin/articles/:id/preview', 'previews their own draft', ['login', 200, 200, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('mine', 'draft')).id}/preview` })),
  row('GET /admin/articles/:id/preview', "previews someone else's draft", ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('theirs', 'draft')).id}/preview` })),
  row('GET /admin/articles/:id/revisions/:revision', 'sees a revision of their own draft', ['login', 200, 200, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('mine', 'draft')).id}/revisions/1` })),
  row('GET /admin/articles/:id/revisions/:revision', "sees a revision of someone else's draft", ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('theirs', 'draft')).id}/revisions/1` })),
  row('POST /admin/articles/:id/revisions/:revision/restore', 'restores a revision of their own draft', [401, 303, 303, 303, 303], async (f) => {
    const article = await f.article('mine', 'draft');
    return { url: `/admin/articles/${article.id}/revisions/1/restore`, form: { revision: article.revision }, writes: article.id };
  }),
  row('POST /admin/articles/:id/revisions/:revision/restore', "restores a revision of someone else's draft", [401, 403, 403, 303, 303], async (f) => {
    const article = await f.article('theirs', 'draft');
    return { url: `/admin/articles/${article.id}/revisions/1/restore`, form: { revision: article.revision }, writes: article.id };
  }),
  row('POST /admin/articles/:id/image', 'uploads the picture of their own draft', [401, 200, 200, 200, 200], async (f) => picturePost(await f.article('mine', 'draft'))),
  row('POST /admin/articles/:id/image', "uploads the picture of someone else's draft", [401, 403, 403, 200, 200], async (f) => picturePost(await f.article('theirs', 'draft'))),
  row('POST /admin/articles/:id/image/remove', 'removes the picture of their own draft', [401, 303, 303, 303, 303], async (f) => pictureRemoval(await f.article('mine', 'draft'))),
  row('POST /admin/articles/:id/image/remove', "removes the picture of someone else's draft", [401, 403, 403, 303, 303], async (f) => pictureRemoval(await f.article('theirs', 'draft'))),

  // The media library: everyone on the staff may look and reuse; a picture is changed or removed by editors and
  // admins, or by the person who uploaded it while only their own stories use it.
  //                                                                                        anonymous contrib author editor admin
  row('GET /admin/media', 'opens the media library', ['login', 200, 200, 200, 200], () => ({ url: '/admin/media?q=matrix' })),
  row('GET /admin/media/:id', "opens someone else's picture", ['login', 200, 200, 200, 200], async () => ({ url: `/admin/media/${await libraryPicture('theirs')}` })),
  row('POST /admin/media/:id', 'edits the alt text, caption and credit of a picture they uploaded', [401, 303, 303, 303, 303], async (f) => ({ url: `/admin/media/${await libraryPicture(f.me)}`, form: pictureDetails })),
  row('POST /admin/media/:id', "edits the alt text, caption and credit of someone else's picture", [401, 403, 403, 303, 303], async () => ({ url: `/admin/media/${await libraryPicture('theirs')}`, form: pictureDetails })),
  row('POST /admin/media/:id/focal', 'sets the focal point of a picture they uploaded', [401, 303, 303, 303, 303], async (f) => ({ url: `/admin/media/${await libraryPicture(f.me)}/focal`, form: { x: '0.3', y: '0.6' } })),
  row('POST /admin/media/:id/focal', "sets the focal point of someone else's picture", [401, 403, 403, 303, 303], async () => ({ url: `/admin/media/${await libraryPicture('theirs')}/focal`, form: { x: '0.3', y: '0.6' } })),
  row('POST /admin/media/:id/replace', 'replaces the file of a picture they uploaded', [401, 200, 200, 200, 200], async (f) => ({ url: `/admin/media/${await libraryPicture(f.me)}/replace`, file: { fields: {} } })),
  row('POST /admin/media/:id/replace', "replaces the file of someone else's picture", [401, 403, 403, 200, 200], async () => ({ url: `/admin/media/${await libraryPicture('theirs')}/replace`, file: { fields: {} } })),
  row('POST /admin/media/:id/remove', 'removes an unused picture they uploaded', [401, 303, 303, 303, 303], async (f) => ({ url: `/admin/media/${await libraryPicture(f.me)}/remove`, form: {} })),
  row('POST /admin/media/:id/remove', "removes someone else's unused picture", [401, 403, 403, 303, 303], async () => ({ url: `/admin/media/${await libraryPicture('theirs')}/remove`, form: {} })),
  row('GET /admin/articles/:id/picture', 'opens the picture picker of their own draft', ['login', 200, 200, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('mine', 'draft')).id}/picture` })),
  row('GET /admin/articles/:id/picture', "opens the picture picker of someone else's draft", ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/articles/${(await f.article('theirs', 'draft')).id}/picture` })),
  row('POST /admin/articles/:id/picture', 'picks a library picture for their own draft', [401, 303, 303, 303, 303], async (f) => picturePick(await f.article('mine', 'draft'), await libraryPicture('theirs'))),
  row('POST /admin/articles/:id/picture', "picks a library picture for someone else's draft", [401, 403, 403, 303, 303], async (f) => picturePick(await f.article('theirs', 'draft'), await libraryPicture('theirs'))),
  row('GET /media/pictures/:file', 'follows the stable address of a picture', [302, 302, 302, 302, 302], async () => ({ url: `/media/pictures/${await libraryPicture('theirs')}.jpg` })),
  // Review and desk notes (desk-firstrun-review).                                          anonymous contrib author editor admin
  row('POST /admin/articles/:id/action', "sends back someone else's article in review with a note", [401, 403, 403, 303, 303], async (f) =>
    action(await f.article('theirs', 'in_review'), 'send_back', { note: 'Please add a source.' }),
  ),
  row('POST /admin/articles/:id/action', 'withdraws their own article from review', [401, 303, 303, 303, 303], async (f) => action(await f.article('mine', 'in_review'), 'withdraw')),
  row('POST /admin/articles/:id/action', "withdraws someone else's article from review", [401, 403, 403, 403, 403], async (f) => action(await f.article('theirs', 'in_review'), 'withdraw')),
  row('POST /admin/articles/:id/notes', 'adds a note to their own draft', [401, 303, 303, 303, 303], async (f) => ({ url: `/admin/articles/${(await f.article('mine', 'draft')).id}/notes`, form: { body: `Note ${f.n}.` } })),
  row('POST /admin/articles/:id/notes', "adds a note to someone else's draft", [401, 403, 403, 303, 303], async (f) => ({ url: `/admin/articles/${(await f.article('theirs', 'draft')).id}/notes`, form: { body: `Note ${f.n}.` } })),

  // Sections and tags: editors and admins.
  //                                                                                        anonymous contrib author editor admin
  row('GET /admin/sections', 'opens the sections', ['login', 403, 403, 200, 200], () => ({ url: '/admin/sections' })),
  row('POST /admin/sections', 'adds a section', [401, 403, 403, 303, 303], (f) => ({ url: '/admin/sections', form: { name: `Matrix section ${f.n}`, description: '', parentId: '' } })),
  row('POST /admin/sections/:id', 'renames a section', [401, 403, 403, 303, 303], async (f) => {
    const section = await freshSection(f.n);
    return { url: `/admin/sections/${section.id}`, form: { name: `Renamed section ${f.n}`, slug: section.slug, description: 'Renamed.', parentId: '' } };
  }),
  row('GET /admin/tags', 'opens the tags', ['login', 403, 403, 200, 200], () => ({ url: '/admin/tags' })),
  row('POST /admin/tags/:id', 'renames a tag', [401, 403, 403, 303, 303], async (f) => ({ url: `/admin/tags/${await freshTag(f.n)}`, form: { name: `Renamed tag ${f.n}` } })),
  row('POST /admin/tags', 'adds a tag', [401, 403, 403, 303, 303], (f) => ({ url: '/admin/tags', form: { name: `Matrix tag ${f.n}` } })),
  row('GET /admin/tags/:id/delete', 'asks before deleting a tag', ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/tags/${await freshTag(f.n)}/delete` })),
  row('POST /admin/tags/:id/delete', 'deletes a tag', [401, 403, 403, 303, 303], async (f) => ({ url: `/admin/tags/${await freshTag(f.n)}/delete`, form: {} })),
  row('GET /admin/tags/:id/merge', 'asks before merging a tag', ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/tags/${await freshTag(f.n)}/merge?into=${await freshTag(f.n, `Merge target ${f.n}`)}` })),
  row('POST /admin/tags/:id/merge', 'merges a tag into another', [401, 403, 403, 303, 303], async (f) => ({
    url: `/admin/tags/${await freshTag(f.n)}/merge`,
    form: { into: await freshTag(f.n, `Merge target ${f.n}`) },
  })),
  row('POST /admin/sections/:id/move', 'moves a section in the navigation', [401, 403, 403, 303, 303], async (f) => ({ url: `/admin/sections/${(await freshSection(f.n)).id}/move`, form: { direction: 'up' } })),
  row('GET /admin/sections/:id/delete', 'asks before deleting a section', ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/sections/${(await freshSection(f.n)).id}/delete` })),
  row('POST /admin/sections/:id/delete', 'deletes a section without stories', [401, 403, 403, 303, 303], async (f) => ({ url: `/admin/sections/${(await freshSection(f.n)).id}/delete`, form: { moveTo: '' } })),
  // Suggestions for the editor's tag and byline fields: tags for anyone who writes, people for those who may change a byline.
  row('GET /admin/lookup/tags', 'looks up tags', ['login', 200, 200, 200, 200], () => ({ url: '/admin/lookup/tags?q=pak' })),
  row('GET /admin/lookup/people', 'looks up people for a byline', ['login', 403, 403, 200, 200], () => ({ url: '/admin/lookup/people?q=imran' })),

  // Static pages: editors and admins.
  row('GET /admin/pages', 'opens the static pages', ['login', 403, 403, 200, 200], () => ({ url: '/admin/pages' })),
  row('GET /admin/pages/new', 'opens a new page', ['login', 403, 403, 200, 200], () => ({ url: '/admin/pages/new' })),
  row('POST /admin/pages', 'creates a page', [401, 403, 403, 303, 303], (f) => ({ url: '/admin/pages', form: { title: `Matrix page ${f.n}`, slug: '', description: '', bodyMd: 'Text.', status: 'draft', position: '0' } })),
  row('GET /admin/pages/:id', 'opens a page', ['login', 403, 403, 200, 200], async (f) => ({ url: `/admin/pages/${(await freshPage(f.n)).id}` })),
  row('POST /admin/pages/:id', 'saves a page', [401, 403, 403, 303, 303], async (f) => {
    const page = await freshPage(f.n);
    return { url: `/admin/pages/${page.id}`, form: { revision: String(page.revision), title: page.title, slug: page.slug, description: '', bodyMd: 'Changed.', status: 'published', position: '0' } };
  }),
  row('POST /admin/pages/:id/delete', 'deletes a page', [401, 403, 403, 303, 303], async (f) => ({ url: `/admin/pages/${(await freshPage(f.n)).id}/delete`, form: { confirm: '1' } })),

  // People and the audit log: admins.
  row('GET /admin/users', 'opens the people list', ['login', 403, 403, 403, 200], () => ({ url: '/admin/users' })),
  row('POST /admin/users', 'adds a person', [401, 403, 403, 403, 200], (f) => ({
    url: '/admin/users',
    form: { email: `added-${f.n}@newsroom.test`, displayName: `Added Person ${f.n}`, role: 'contributor', password: 'a long enough password' },
  })),
  row('POST /admin/users/:id/role', "changes someone's role", [401, 403, 403, 403, 200], async () => ({ url: `/admin/users/${(await victim()).id}/role`, form: { role: 'author' } })),
  row('POST /admin/users/:id/disable', 'disables someone', [401, 403, 403, 403, 200], async () => ({ url: `/admin/users/${(await victim()).id}/disable`, form: {} })),
  row('POST /admin/users/:id/enable', 'enables someone', [401, 403, 403, 403, 200], async () => ({ url: `/admin/users/${(await victim({ disabled: true })).id}/enable`, form: {} })),
  row('GET /admin/audit', 'reads the audit log', ['login', 403, 403, 403, 200], () => ({ url: '/admin/audit' })),
  // Export and import: admins (an export holds everyone's e-mail address).
  row('GET /admin/site', 'opens export and import', ['login', 403, 403, 403, 200], () => ({ url: '/admin/site' })),
  row('POST /admin/export', 'downloads the whole site', [401, 403, 403, 403, 200], () => ({ url: '/admin/export', form: {} })),
  row('POST /admin/feeds', 'starts polling a feed', [401, 403, 403, 403, 303], (f) => ({ url: '/admin/feeds', form: { url: `https://wire.example.test/${f.n}.rss`, sectionId: '', everyMinutes: '30' } })),
  row('POST /admin/feeds/:id/stop', 'stops polling a feed', [401, 403, 403, 403, 303], async () => ({ url: `/admin/feeds/${await feedSubscription()}/stop`, form: {} })),
  row('POST /admin/imports', 'starts an import', [401, 403, 403, 403, 303], () => ({ url: '/admin/imports', file: { fields: { kind: 'wordpress' } } })),
  row('GET /admin/imports/:id', 'follows an import', ['login', 403, 403, 403, 200], async () => ({ url: `/admin/imports/${await importRun()}` })),
  row('GET /admin/imports/:id/progress', 'asks how far an import got', ['login', 403, 403, 403, 200], async () => ({ url: `/admin/imports/${await importRun()}/progress` })),

  // The desk: the article list and its bulk actions (whose refusals are reported on the list it returns to: test/e2e/desk-dashboard.test.ts).
  //                                                                                        anonymous contrib author editor admin
  row('GET /admin/articles', 'opens the article list', ['login', 200, 200, 200, 200], () => ({ url: '/admin/articles' })),
  row('GET /admin/articles', 'opens the second page of the article list', ['login', 200, 200, 200, 200], () => ({ url: '/admin/articles?before=1764417600000.1' })),
  row('POST /admin/articles/bulk', 'tags their own draft from the list', [401, 303, 303, 303, 303], async (f) => {
    const article = await f.article('mine', 'draft');
    return { url: '/admin/articles/bulk', form: { ids: article.id, action: 'tag', tag: `Matrix bulk ${f.n}` }, writes: article.id };
  }),

  // The REST API.                                                                           no key  bad key contrib author editor admin
  row('GET /api/v1/articles/:id', 'reads an article', [401, 401, 403, 403, 200, 200], async (f) => ({ url: `/api/v1/articles/${(await f.article('theirs', 'published')).id}` })),
  row('PATCH /api/v1/articles/:id', 'edits an article at its current revision', [401, 401, 403, 403, 200, 200], async (f) => {
    const article = await f.article('theirs', 'published');
    return { url: `/api/v1/articles/${article.id}`, json: { revision: article.revision, title: `Edited through the API ${f.n}` }, writes: article.id };
  }),
];

function edit(article: Article, fields: Record<string, string>, to: 'save' | 'autosave' = 'save'): Request {
  return {
    url: `/admin/articles/${article.id}${to === 'autosave' ? '/autosave' : ''}`,
    form: { revision: article.revision, ...fields },
    writes: article.id,
  };
}

/**
 * A draft whose owner's edit met a newer save: the edit (a new headline) is kept aside for the owner to merge.
 * 'theirs' keeps it aside for the other author, so only editors and admins may open it.
 */
async function keptAside(f: Fixtures, owner: 'mine' | 'theirs'): Promise<{ article: Article; kept: number }> {
  const article = await f.article(owner, 'draft');
  const ownerId = owner === 'mine' ? f.me.id : state().other.id;
  const fields = {
    title: `Kept aside ${f.n}`, dek: '', bodyMd: `The body of story ${f.n}.`, excerpt: article.excerpt, slug: article.slug, primaryCategoryId: null,
    featuredMediaId: null, authorIds: [ownerId], tagNames: [], seoTitle: null, seoDescription: null, canonicalUrl: null, noindex: false,
  };
  const kept = await state().app.store.pending.keepUnmerged({
    articleId: article.id, userId: ownerId, baseRevision: article.revision, fields, against: 'working', createdAt: TEST_NOW,
  });
  return { article, kept };
}

function action(article: Article, name: string, extra: Record<string, string> = {}): Request {
  return { url: `/admin/articles/${article.id}/action`, form: { action: name, revision: article.revision, ...extra }, writes: article.id };
}

function pictureRemoval(article: Article): Request {
  return { url: `/admin/articles/${article.id}/image/remove`, form: { revision: article.revision } };
}

function picturePost(article: Article): Request {
  return { url: `/admin/articles/${article.id}/image`, file: { fields: { revision: article.revision, alt: 'A harbour at dawn' } }, writes: article.id };
}

const pictureDetails = { alt: 'A matrix of harbour lights', caption: 'Seen from the pier.', credit: 'Matrix Photos' };

function picturePick(article: Article, mediaId: number): Request {
  return { url: `/admin/articles/${article.id}/picture`, form: { revision: article.revision, mediaId }, writes: article.id };
}

/** A picture in the library (real files), uploaded by `owner` or by the other author; used by nothing. */
async function libraryPicture(owner: Author | 'theirs'): Promise<number> {
  const { app, other } = state();
  const data = await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 120, g: 60, b: 30 } } }).png().toBuffer();
  const processed = await processImage(data, app.config.mediaDir);
  const uploadedBy = owner === 'theirs' ? other.id : owner.id;
  return (await app.store.media.create({ ...processed, alt: 'Matrix picture', originalName: 'matrix.png', uploadedBy, at: app.clock.now() })).id;
}

// Set in beforeAll of each database; the row builders above use them through these.
let current: { app: TestApp; seq: number; other: Author } | undefined;
const state = () => current!;

async function freshSection(n: number) {
  const { app, other } = state();
  return createSection({ store: app.store, clock: app.clock, bus: app.bus }, { name: `Section to rename ${n}`, description: '', parentId: null, actorId: other.id });
}

async function freshTag(n: number, name = `Tag to rename ${n}`): Promise<number> {
  const { app, other } = state();
  await createArticle(
    { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 15, bus: app.bus },
    { title: `Tagged ${n}`, bodyMd: 'Text.', status: 'draft', authorIds: [other.id], tagNames: [name] },
  );
  return (await app.store.tags.list(1000)).find((tag) => tag.name === name)!.id;
}

/** Someone for an admin to act on (no password: nobody signs in as them). */
/** A draft static page of its own for one request. */
async function freshPage(n: number) {
  const { app } = state();
  return createPage({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer() }, { title: `Page ${n} ${++state().seq}`, bodyMd: 'Text.', status: 'draft', actorId: null });
}

/** A polled feed of its own for one request. */
async function feedSubscription(): Promise<number> {
  const { app } = state();
  return (await app.store.feeds.upsert({ url: `https://wire.example.test/matrix-${++state().seq}.rss`, sectionId: null, everyMinutes: 30, createdBy: null, at: app.clock.now() })).id;
}

/** A queued import (never run here: the matrix's app has no runner timer). */
async function importRun(): Promise<number> {
  const { app } = state();
  return (await app.store.importRuns.create({ kind: 'feed', source: 'https://feeds.example.test/rss', label: 'matrix', options: {}, createdBy: null, at: app.clock.now() })).id;
}

async function victim(options: { disabled?: boolean } = {}): Promise<Author> {
  const { app } = state();
  const n = ++state().seq;
  const person = await app.store.users.create({ email: `victim-${n}@newsroom.test`, displayName: `Victim ${n}`, slug: `victim-${n}`, role: 'contributor', passwordHash: null });
  if (options.disabled) await app.store.accounts.setDisabled(person.id, app.clock.now());
  return person;
}

/** Someone who signs in with a password and a code (two-step sign-in set up through the core operations). */
async function twoStepPerson(): Promise<{ email: string; secret: string }> {
  const { app } = state();
  const n = ++state().seq;
  const email = `two-step-${n}@newsroom.test`;
  const user = await addUser(
    { store: app.store, clock: app.clock, hasher: argon2Hasher },
    { email, displayName: `Two Step ${n}`, role: 'contributor', password: PASSWORD, actorId: null },
  );
  const { secret } = await startTwoFactor({ store: app.store, clock: app.clock }, { user, issuer: 'Newsdesk' });
  await confirmTwoFactor({ store: app.store, clock: app.clock }, { user, code: codeAt(secret, app.clock.now()), ip: '127.0.0.1' });
  return { email, secret };
}

/** The password step of a two-step sign-in, in a browser of its own: the pending cookie it leaves, and the secret. */
async function pendingSignIn(): Promise<{ pending: string; secret: string }> {
  const person = await twoStepPerson();
  const browser = new AdminClient(state().app);
  await browser.get('/admin/login');
  const answer = await browser.post('/admin/login', { email: person.email, password: PASSWORD });
  expect(String(answer.headers.location), 'the password step asks for a code').toMatch(/^\/admin\/login\/code/);
  return { pending: browser.cookies.get('newsdesk_pending')!, secret: person.secret };
}

/** The key shown on the two-step set-up page (what the person types or scans into their app). */
async function twoStepSecret(client: AdminClient): Promise<string> {
  const page = await client.get('/admin/profile/two-step');
  const secret = /<code>([A-Z2-7]{32})<\/code>/.exec(page.body)?.[1];
  expect(secret, 'the set-up page shows the key').toBeDefined();
  return secret!;
}

/** A live reset link's token, for a new person, asked for through the core operation behind the forgot form. */
async function resetToken(): Promise<string> {
  const { app } = state();
  const n = ++state().seq;
  const email = `forgetful-${n}@newsroom.test`;
  const accountDeps = { store: app.store, clock: app.clock, hasher: argon2Hasher };
  await addUser(accountDeps, { email, displayName: `Forgetful ${n}`, role: 'contributor', password: PASSWORD, actorId: null });
  // Each from an address of its own, so that these links never use up the hourly allowance of the forgot form's rows.
  const mail = await requestPasswordReset(accountDeps, { email, ip: `192.0.2.${(n % 250) + 1}`, siteUrl: SITE, siteName: 'Newsdesk' });
  const token = /\/admin\/reset\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
  expect(token, 'a reset link was made').toBeDefined();
  return token!;
}

/** The route a URL reaches, checked against the row so that a typo cannot test another route. */
function routeMatches(route: string, url: string): boolean {
  const path = route.slice(route.indexOf(' ') + 1);
  const pattern = new RegExp(`^${path.replace(/:[a-z]+/g, '[^/?]+').replace(/\./g, '\\.')}(\\?.*)?$`);
  return pattern.test(url);
}

function describeOutcome(response: LightMyRequestResponse): string {
  const location = response.headers.location ? ` → ${String(response.headers.location)}` : '';
  const text = response.body.replace(/<head>.*<\/head>/s, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return `${response.statusCode}${location} ${text.slice(0, 200)}`;
}

function matches(expected: Outcome, response: LightMyRequestResponse): boolean {
  const toSignIn = String(response.headers.location ?? '').startsWith('/admin/login?next=');
  if (expected === 'login') return response.statusCode === 303 && toSignIn;
  if (expected === 303) return response.statusCode === 303 && !toSignIn;
  return response.statusCode === expected;
}

const refused = (expected: Outcome) => expected === 'login' || expected === 401 || expected === 403;

for (const database of testDatabases()) {
  describe(`role × route matrix on ${database.name}`, () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-matrix-'));
    let app: TestApp;
    const staff = {} as Record<Role, Actor & { kind: 'staff' }>;
    const keys: Array<Actor & { kind: 'key' }> = [];
    let mediaUrl = '';
    let assetUrl = '';
    let image: Buffer;
    let smtp: Awaited<ReturnType<typeof startSmtpCatcher>> | undefined;
    const rows = ROUTES_BY_HAND(() => mediaUrl, () => assetUrl);

    const deps = () => ({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 15, bus: app.bus });

    async function person(role: Role, name: string, email: string): Promise<Author> {
      return addUser({ store: app.store, clock: app.clock, hasher: argon2Hasher }, { email, displayName: name, role, password: PASSWORD, actorId: null });
    }

    async function signedIn(role: Role, who: Author): Promise<Actor & { kind: 'staff' }> {
      const client = await new AdminClient(app).signIn(who.email, PASSWORD);
      return { kind: 'staff', role, person: who, client };
    }

    async function article(ownerId: number, status: ArticleStatus | 'scheduled'): Promise<Article> {
      const n = ++state().seq;
      const publishedAt =
        status === 'scheduled' ? new Date(TEST_NOW.getTime() + 86_400_000) : status === 'published' || status === 'archived' ? new Date(TEST_NOW.getTime() - 3_600_000) : null;
      return createArticle(deps(), {
        title: `Matrix story ${n}`,
        bodyMd: `The body of story ${n}.`,
        status: status === 'scheduled' ? 'published' : status,
        publishedAt,
        authorIds: [ownerId],
        actorId: ownerId,
      });
    }

    /** Sends `request` as `actor` the way a browser or API client would: cookies, CSRF field, Origin, key. */
    async function send(method: string, actor: Actor, request: Request): Promise<LightMyRequestResponse> {
      const headers: Record<string, string> = {};
      const cookies = new Map(actor.kind === 'staff' ? actor.client.cookies : []);
      for (const [name, value] of Object.entries(request.cookies ?? {})) cookies.set(name, value);
      if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
      if (actor.kind === 'key') headers.authorization = `Bearer ${actor.token}`;
      if (method !== 'GET') headers.origin = SITE;
      const csrf: Record<string, string> = actor.kind === 'staff' ? { _csrf: actor.client.csrf } : {};
      let payload: InjectOptions['payload'];
      if (request.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams(Object.entries({ ...csrf, ...request.form }).map(([k, v]) => [k, String(v)])).toString();
      } else if (request.json) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(request.json);
      } else if (request.file) {
        const body = multipartBody({ ...csrf, ...request.file.fields }, { field: 'file', name: 'harbour.png', type: 'image/png', data: image });
        headers['content-type'] = body.contentType;
        headers.accept = 'application/json';
        payload = body.payload;
      }
      return app.server.inject({ method: method as InjectOptions['method'], url: request.url, headers, ...(payload === undefined ? {} : { payload }) });
    }

    beforeAll(async () => {
      // A real mail server, so that asking for a reset link runs to its answer (without one the form is off: 503).
      smtp = await startSmtpCatcher();
      app = await openTestApp(database, {
        env: { NEWSDESK_MEDIA_DIR: mediaDir, NEWSDESK_SMTP_URL: smtp.url, NEWSDESK_MAIL_FROM: 'Newsroom <newsroom@news.example.test>' },
      });
      const other = await person('author', 'Other Writer', 'other@newsroom.test');
      current = { app, seq: 0, other };
      await person('contributor', 'Signer In', 'signer@newsroom.test');
      for (const role of STAFF) staff[role] = await signedIn(role, await person(role, `${role} person`, `${role}@newsroom.test`));
      for (const role of KEYS) {
        const token = newApiToken();
        await app.store.apiKeys.create({ name: `${role} key`, role, tokenHash: hashApiToken(token) });
        keys.push({ kind: 'key', label: `${role} key`, token });
      }
      image = await sharp({ create: { width: 1200, height: 675, channels: 3, background: { r: 20, g: 80, b: 140 } } }).png().toBuffer();
      // A picture on the server for /media/:name, uploaded the ordinary way by the editor.
      const draft = await article(staff.editor.person.id, 'draft');
      const uploaded = await send('POST', staff.editor, picturePost(draft));
      expect(uploaded.statusCode, uploaded.body).toBe(200);
      mediaUrl = `/media/${uploaded.json<{ files: string[] }>().files[0]}`;
      assetUrl = /href="(\/assets\/[^"]+\.css)"/.exec((await app.server.inject({ method: 'GET', url: '/' })).body)![1]!;
    }, 180_000);

    afterAll(async () => {
      current = undefined;
      await app?.dispose();
      await smtp?.close();
      rmSync(mediaDir, { recursive: true, force: true });
    });

    it('has a row for every route the server registers, and no row for a route that is gone', () => {
      const listed = new Set(rows.map((r) => r.route));
      const registered = new Set(app.server.routeTable.map((route) => `${route.method} ${route.url}`));
      const unlisted = [...registered].filter((route) => {
        if (listed.has(route)) return false;
        // HEAD is answered by the GET handler: the GET row covers it (or is the one reported missing).
        return !(route.startsWith('HEAD ') && registered.has(`GET ${route.slice(5)}`));
      });
      const message = (route: string) =>
        `Add a row for "${route}" to ROUTES_BY_HAND in test/e2e/access-matrix.test.ts, with a valid request and the outcome ` +
        (route.includes(' /api/') ? 'for no key, a bad key and keys of role contributor, author, editor and admin.' : 'for anonymous, contributor, author, editor and admin.');
      expect(unlisted.map(message)).toEqual([]);
      expect([...listed].filter((route) => !registered.has(route)).map((route) => `The table lists "${route}", which the server no longer has: remove or correct its row.`)).toEqual([]);
    });

    for (const entry of rows) {
      const api = entry.route.includes(' /api/');
      it(`${entry.route}: ${entry.what}`, async () => {
        const method = entry.route.slice(0, entry.route.indexOf(' '));
        const columns: Array<{ label: string; actor: () => Promise<Actor> | Actor; expected: Outcome }> = [];
        const staffActor = (role: Role) => async (): Promise<Actor> => {
          if (entry.freshPerson) return signedIn(role, await person(role, `Fresh ${role} ${++state().seq}`, `fresh-${state().seq}@newsroom.test`));
          if (entry.freshSession) return signedIn(role, staff[role].person);
          return staff[role];
        };
        const badKey: Actor = { kind: 'key', label: 'bad key', token: `nd_${'x'.repeat(43)}` };
        expect(entry.expect, 'one expectation per column').toHaveLength(api ? 2 + KEYS.length : 1 + STAFF.length);
        if (api) {
          columns.push({ label: 'no key', actor: () => ({ kind: 'anonymous' }), expected: entry.expect[0]! });
          columns.push({ label: 'bad key', actor: () => badKey, expected: entry.expect[1]! });
          keys.forEach((key, i) => columns.push({ label: key.label, actor: () => key, expected: entry.expect[2 + i]! }));
          for (const role of STAFF) columns.push({ label: `${role} session, no key`, actor: staffActor(role), expected: entry.expect[0]! });
        } else {
          columns.push({ label: 'anonymous', actor: () => ({ kind: 'anonymous' }), expected: entry.expect[0]! });
          STAFF.forEach((role, i) => columns.push({ label: role, actor: staffActor(role), expected: entry.expect[1 + i]! }));
          for (const key of [badKey, ...keys]) columns.push({ label: `${key.label}, no cookie`, actor: () => key, expected: entry.expect[0]! });
        }

        const failures: string[] = [];
        for (const column of columns) {
          const actor = await column.actor();
          const me = actor.kind === 'staff' ? actor.person : state().other;
          const fixtures: Fixtures = {
            actor,
            me,
            n: ++state().seq,
            article: (owner, status) => article(owner === 'mine' ? me.id : state().other.id, status),
          };
          const request = await entry.build(fixtures);
          expect(routeMatches(entry.route, request.url), `${request.url} reaches ${entry.route}`).toBe(true);
          if (entry.guestForm) {
            const page = await send('GET', actor, { url: '/admin/login' });
            const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
            const cookie = /newsdesk_csrf=([^;]+)/.exec(String(page.headers['set-cookie'] ?? ''))?.[1];
            request.form = { ...request.form, _csrf: token };
            if (cookie) request.cookies = { ...request.cookies, newsdesk_csrf: cookie };
          }
          const before = request.writes === undefined ? undefined : (await app.store.articles.findById(request.writes))!.revision;
          const response = await send(method, actor, request);
          if (!matches(column.expected, response)) {
            failures.push(`${column.label}: expected ${column.expected}, got ${describeOutcome(response)}`);
            continue;
          }
          if (request.writes !== undefined && before !== undefined) {
            const after = (await app.store.articles.findById(request.writes))!.revision;
            if (refused(column.expected) && after !== before) failures.push(`${column.label}: refused, yet the article changed (revision ${before} → ${after})`);
            if (!refused(column.expected) && after === before) failures.push(`${column.label}: allowed, yet the article did not change (revision ${before})`);
          }
        }
        expect(failures).toEqual([]);
      });
    }
  });
}
