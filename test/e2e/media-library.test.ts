import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliServices } from '../../src/app/cli-services.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { DatabaseConfig } from '../../src/config/config.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, multipartBody, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

const BLUE = { r: 20, g: 40, b: 220 };
const RED = { r: 230, g: 20, b: 20 };
const GREEN = { r: 20, g: 200, b: 40 };

/** A 1600 × 900 blue picture whose right part (from x = 1100) is red. */
async function bluePictureRedOnTheRight(): Promise<Buffer> {
  const red = await sharp({ create: { width: 500, height: 900, channels: 3, background: RED } }).png().toBuffer();
  return sharp({ create: { width: 1600, height: 900, channels: 3, background: BLUE } })
    .composite([{ input: red, left: 1100, top: 0 }])
    .png()
    .toBuffer();
}

async function plainPicture(colour: { r: number; g: number; b: number }, width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

/** The average colour of the 8 × 8 pixels at the middle of an image file. */
async function centreColour(path: string): Promise<{ r: number; g: number; b: number; width: number; height: number }> {
  const { width = 0, height = 0 } = await sharp(path).metadata();
  const data = await sharp(path)
    .extract({ left: Math.floor(width / 2) - 4, top: Math.floor(height / 2) - 4, width: 8, height: 8 })
    .removeAlpha()
    .raw()
    .toBuffer();
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 3) for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
  const n = data.length / 3;
  return { r: sum[0]! / n, g: sum[1]! / n, b: sum[2]! / n, width, height };
}

const isRed = (c: { r: number; g: number; b: number }) => c.r > 180 && c.g < 80 && c.b < 80;
const isBlue = (c: { r: number; g: number; b: number }) => c.b > 170 && c.r < 80 && c.g < 90;

function databaseUrl(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.file}`;
  const url = new URL(config.url);
  if (config.schema) url.searchParams.set('schema', config.schema);
  return url.toString();
}

for (const database of testDatabases()) {
  describe(`media library on ${database.name}`, () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-library-'));
    let app: TestApp;
    let editor: AdminClient;
    let author: AdminClient;
    let contributor: AdminClient;
    let contributorDraft: number;

    const revisionOf = async (id: number) => (await app.store.articles.findById(id))!.revision;
    const newDraft = async (client: AdminClient, title: string) => {
      await client.get('/admin/articles/new');
      const created = await client.post('/admin/articles', { title });
      return Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
    };
    /** Uploads through the editor's form (as the featured picture of `articleId`); the new picture's id. */
    const upload = async (client: AdminClient, articleId: number, data: Buffer, alt: string, name = 'photo.png') => {
      await client.get(`/admin/articles/${articleId}`);
      const response = await client.upload(`/admin/articles/${articleId}/image`, { revision: await revisionOf(articleId), alt }, { name, type: 'image/png', data });
      expect(response.statusCode, response.body).toBe(200);
      await updateIfLive(client, articleId);
      return response.json<{ id: number }>().id;
    };
    /** A published story's edits wait in its working copy: this presses Update, so readers see them. */
    const updateIfLive = async (client: AdminClient, articleId: number) => {
      if ((await app.store.articles.findById(articleId))!.status !== 'published') return;
      const updated = await client.post(`/admin/articles/${articleId}`, { revision: await revisionOf(articleId), intent: 'update' });
      expect(updated.headers.location).toBe(`/admin/articles/${articleId}?done=updated`);
    };
    const filesOf = async (id: number) => {
      const media = (await app.store.media.findById(id))!;
      return [...media.variants.map((variant) => variant.file), ...Object.values(media.crops)];
    };

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_MEDIA_DIR: mediaDir, NEWSDESK_MAX_UPLOAD_MB: '2' } });
      await makeUser(app, 'editor');
      await makeUser(app, 'author');
      await makeUser(app, 'contributor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      author = await new AdminClient(app).signIn('author@newsroom.test', PASSWORD);
      contributor = await new AdminClient(app).signIn('contributor@newsroom.test', PASSWORD);
      contributorDraft = await newDraft(contributor, 'Allotments flood after the storm');
    });
    afterAll(async () => app.dispose());

    it('finds pictures by words of their alt text, caption, credit or file name, in any case', async () => {
      const lighthouse = await upload(author, await newDraft(author, 'Lighthouse keepers return'), await plainPicture(BLUE), 'A lighthouse on a rocky point', 'keepers-cottage.png');
      const ferry = await upload(author, await newDraft(author, 'Ferry crossings resume'), await plainPicture(GREEN), 'The morning ferry leaving the quay', 'ferry.png');
      await editor.get(`/admin/media/${ferry}`);
      expect((await editor.post(`/admin/media/${ferry}`, { alt: 'The morning ferry leaving the quay', caption: 'Crossings resume on Monday', credit: 'Ana Ribeiro' })).statusCode).toBe(303);
      const search = async (q: string) => {
        const page = await editor.get(`/admin/media?q=${encodeURIComponent(q)}`);
        expect(page.statusCode).toBe(200);
        return [...page.body.matchAll(/<a class="media-card__link" href="\/admin\/media\/(\d+)"/g)].map((match) => Number(match[1]));
      };
      expect(await search('LIGHTHOUSE')).toEqual([lighthouse]);
      expect(await search('crossings monday')).toEqual([ferry]);
      expect(await search('ribeiro')).toEqual([ferry]);
      expect(await search('keepers-cottage')).toEqual([lighthouse]);
      expect(await search('ferry lighthouse')).toEqual([]);
      expect(await search('100%_')).toEqual([]);
      const all = await editor.get('/admin/media');
      expect(all.body).toContain('A lighthouse on a rocky point');
      expect(all.body).toContain('1200 × 800 pixels · keepers-cottage.png');
      expect(all.body).toMatch(/The morning ferry leaving the quay<\/span><\/a><p class="hint">1200 × 800 pixels · ferry.png<\/p><p class="hint">Featured on 1 article<\/p>/);
      expect((await editor.get('/admin/media?q=nothing-like-this')).body).toContain('No picture matches');
    });

    it('pages through the library 24 pictures at a time, newest first', async () => {
      const before = (await app.store.media.list({ limit: 1, offset: 0 })).total;
      const made = 30 - before;
      for (let i = 0; i < made; i++) {
        await app.store.media.create({
          key: `pagingtest${String(i).padStart(6, '0')}`.slice(0, 16),
          width: 10,
          height: 10,
          alt: `Filler picture ${i}`,
          variants: [],
          crops: { '16x9': 'x-16x9.jpg', '4x3': 'x-4x3.jpg', '1x1': 'x-1x1.jpg' },
          originalName: 'filler.png',
          uploadedBy: null,
          at: new Date(app.clock.now().getTime() + (i + 1) * 1000),
        });
      }
      const first = await editor.get('/admin/media');
      expect(first.body.match(/class="media-card"/g)).toHaveLength(24);
      expect(first.body).toContain('30 pictures');
      expect(first.body).toContain('Page 1 of 2');
      const newest = first.body.indexOf(`Filler picture ${made - 1}<`);
      expect(newest).toBeGreaterThan(0);
      expect(newest).toBeLessThan(first.body.indexOf(`Filler picture ${made - 2}<`));
      expect(first.body).toContain('<a href="/admin/media?page=2" rel="next">Next page</a>');
      const second = await editor.get('/admin/media?page=2');
      expect(second.body.match(/class="media-card"/g)).toHaveLength(6);
      expect(second.body).toContain('<a href="/admin/media" rel="prev">Previous page</a>');
      const filtered = await editor.get('/admin/media?q=filler&page=2');
      expect(filtered.body).toContain('<a href="/admin/media?q=filler" rel="prev">');
      expect(filtered.body).toContain('Page 2 of 2');
      // The fillers have no files: take them out again (nothing uses them).
      for (const row of await app.store.db.selectFrom('media').select('id').where('original_name', '=', 'filler.png').execute()) {
        expect(await app.store.media.deleteIfUnused(row.id)).toBeDefined();
      }
    });

    it('edits alt text (required, with a clear message), caption and credit; the article page shows caption and credit', async () => {
      const story = await addArticle(app, { title: 'Tall ships race sets off from the harbour' });
      const id = await upload(editor, story.id, await plainPicture(BLUE), 'Tall ships under sail');
      await editor.get(`/admin/media/${id}`);
      const empty = await editor.post(`/admin/media/${id}`, { alt: '   ', caption: 'Kept while I fix the alt', credit: 'Port authority' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('<p class="error" role="alert">Alt text is required: describe what the picture shows, for readers who cannot see it.</p>');
      expect(empty.body).toContain('Kept while I fix the alt</textarea>');
      expect(empty.body).toContain('value="Port authority"');
      expect((await app.store.media.findById(id))!.alt).toBe('Tall ships under sail');

      const before = await app.server.inject({ method: 'GET', url: `/${story.slug}` });
      expect(before.body).not.toContain('figcaption');
      const saved = await editor.post(`/admin/media/${id}`, { alt: 'Four tall ships leave the harbour', caption: 'The fleet heads for Lisbon & beyond.', credit: 'Port <authority>' });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/admin/media/${id}?done=details`);
      const stored = (await app.store.media.findById(id))!;
      expect([stored.alt, stored.caption, stored.credit]).toEqual(['Four tall ships leave the harbour', 'The fleet heads for Lisbon & beyond.', 'Port <authority>']);
      expect((await editor.get(`/admin/media/${id}?done=details`)).body).toContain('The alt text, caption and credit were saved.');
      // The page was cached before the edit; the edit drops it.
      const after = await app.server.inject({ method: 'GET', url: `/${story.slug}` });
      expect(after.body).toContain('alt="Four tall ships leave the harbour"');
      expect(after.body).toContain(
        '<figcaption class="article__caption"><span>The fleet heads for Lisbon &amp; beyond.</span><span class="article__credit">Picture: Port &lt;authority></span></figcaption>',
      );
    });

    it('cuts the 16:9, 4:3 and 1:1 versions around the focal point', async () => {
      const draft = await newDraft(editor, 'Harbour wall repairs');
      const id = await upload(editor, draft, await bluePictureRedOnTheRight(), 'A harbour wall, red on the right');
      const original = (await app.store.media.findById(id))!;
      await editor.get(`/admin/media/${id}`);

      expect((await editor.post(`/admin/media/${id}/focal`, { x: '0.1', y: '0.5' })).statusCode).toBe(303);
      const left = (await app.store.media.findById(id))!;
      expect(left.focal).toEqual({ x: 0.1, y: 0.5 });
      const square = await centreColour(join(mediaDir, left.crops['1x1']));
      expect([square.width, square.height]).toEqual([675, 675]);
      expect(isBlue(square), JSON.stringify(square)).toBe(true);
      const wide = await centreColour(join(mediaDir, left.crops['16x9']));
      expect([wide.width, wide.height]).toEqual([1200, 675]);
      const fourThree = await centreColour(join(mediaDir, left.crops['4x3']));
      expect([fourThree.width, fourThree.height]).toEqual([900, 675]);
      // New names (the old addresses are cached for a year), the old crops are gone, the variants untouched.
      for (const file of Object.values(original.crops)) expect(existsSync(join(mediaDir, file)), file).toBe(false);
      for (const file of Object.values(left.crops)) expect(Object.values(original.crops)).not.toContain(file);
      expect(left.variants).toEqual(original.variants);

      expect((await editor.post(`/admin/media/${id}/focal`, { x: '0.9', y: '0.5' })).statusCode).toBe(303);
      const right = (await app.store.media.findById(id))!;
      expect(isRed(await centreColour(join(mediaDir, right.crops['1x1'])))).toBe(true);
      for (const file of Object.values(left.crops)) expect(existsSync(join(mediaDir, file)), file).toBe(false);

      const bad = await editor.post(`/admin/media/${id}/focal`, { x: '1.5', y: 'middle' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('<p class="error" role="alert">The focal point&#39;s x (across) must be a number from 0 to 1 (0.5 is the middle), not &#34;1.5&#34;.</p>');
      expect(bad.body).toContain('<input id="focal-x" name="x" type="number" min="0" max="1" step="any" inputmode="decimal" required value="1.5" data-focal-x/>');
      expect(bad.body).toContain('<line class="focal-cross__x" x1="0.9" y1="0" x2="0.9" y2="1">');
      expect((await app.store.media.findById(id))!.crops).toEqual(right.crops);
    });

    it('replaces the file under the same id: every use shows the new one, the old files go, content is checked as uploads are', async () => {
      const story = await addArticle(app, { title: 'Lifeboat crew honoured' });
      const id = await upload(editor, story.id, await plainPicture(BLUE), 'The lifeboat crew on the slipway');
      const oldFiles = await filesOf(id);
      const page = (await app.server.inject({ method: 'GET', url: `/${story.slug}` })).body;
      expect(page).toContain(oldFiles[0]);
      await editor.get(`/admin/media/${id}`);
      const svg = await editor.upload(`/admin/media/${id}/replace`, {}, { name: 'x.svg', type: 'image/svg+xml', data: readFileSync(join(CORPUS_DIR, 'payloads/upload-files', readdirSync(join(CORPUS_DIR, 'payloads/upload-files')).find((name) => name.endsWith('.svg'))!)) });
      expect(svg.statusCode).toBe(400);
      expect(svg.json<{ message: string }>().message).toMatch(/SVG files are not accepted/);
      expect(await filesOf(id)).toEqual(oldFiles);
      // From the page's form (a browser asks for HTML): the refusal is shown on the picture's page.
      const form = multipartBody({ _csrf: editor.csrf }, { field: 'file', name: 'x.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
      const cookie = [...editor.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
      const onPage = await app.server.inject({ method: 'POST', url: `/admin/media/${id}/replace`, headers: { cookie, 'content-type': form.contentType, accept: 'text/html' }, payload: form.payload });
      expect(onPage.statusCode).toBe(400);
      expect(onPage.body).toContain('<p class="error" role="alert">SVG files are not accepted, because they can carry scripts.');
      expect(onPage.body).toContain(`<title>Picture ${id} | Newsdesk newsroom</title>`);
      const tooBig = await editor.upload(`/admin/media/${id}/replace`, {}, { name: 'huge.jpg', type: 'image/jpeg', data: Buffer.alloc(2_500_000, 7) });
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json<{ message: string }>().message).toBe('Pictures can be at most 2 MB. Make the file smaller and upload it again.');
      expect(await filesOf(id)).toEqual(oldFiles);

      const replaced = await editor.upload(`/admin/media/${id}/replace`, {}, { name: 'new-crew.png', type: 'image/png', data: await plainPicture(GREEN, 1000, 1000) });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json<{ id: number }>().id).toBe(id);
      const media = (await app.store.media.findById(id))!;
      expect([media.width, media.height, media.originalName, media.alt]).toEqual([1000, 1000, 'new-crew.png', 'The lifeboat crew on the slipway']);
      const newFiles = await filesOf(id);
      for (const file of oldFiles) expect(existsSync(join(mediaDir, file)), file).toBe(false);
      for (const file of newFiles) expect(existsSync(join(mediaDir, file)), file).toBe(true);
      expect((await app.store.articles.findById(story.id))!.featuredMediaId).toBe(id);
      const after = (await app.server.inject({ method: 'GET', url: `/${story.slug}` })).body;
      expect(after).not.toContain(oldFiles[0]);
      expect(after).toContain(newFiles[0]);
      const green = await centreColour(join(mediaDir, media.crops['1x1']));
      expect(green.g > 150 && green.r < 80).toBe(true);
      // The body's stable address follows the replacement.
      const stable = await app.server.inject({ method: 'GET', url: `/media/pictures/${id}.jpg` });
      expect(stable.statusCode).toBe(302);
      expect(stable.headers.location).toBe(`/media/${media.variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0]!.file}`);
      expect((await app.server.inject({ method: 'GET', url: '/media/pictures/999999.jpg' })).statusCode).toBe(404);
    });

    it('refuses to remove a picture an article features or shows in its body, naming those articles; removes it once unused', async () => {
      const featuring = await addArticle(app, { title: 'Seal pups counted on the sandbank' });
      const id = await upload(editor, featuring.id, await plainPicture(BLUE), 'Seal pups resting on sand');
      const bodyStory = await addArticle(app, { title: 'Wardens ask walkers to keep dogs on leads', bodyMd: `Walkers are asked to keep away.\n\n![Seal pups](/media/pictures/${id}.jpg)\n` });
      const publicPage = (await app.server.inject({ method: 'GET', url: `/${bodyStory.slug}` })).body;
      expect(publicPage).toContain(`<img src="/media/pictures/${id}.jpg" alt="Seal pups" loading="lazy" decoding="async" />`);
      const feed = (await app.server.inject({ method: 'GET', url: '/feed.json' })).body;
      expect(feed).toContain(`<img src=\\"https://news.example.test/media/pictures/${id}.jpg\\" alt=\\"Seal pups\\"`);

      await editor.get(`/admin/media/${id}`);
      const refused = await editor.post(`/admin/media/${id}/remove`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain(
        'This picture is still used, so it was not removed. Take it out of “Wardens ask walkers to keep dogs on leads” (in the body), “Seal pups counted on the sandbank” (featured picture) first.',
      );
      expect(refused.body).toContain('<title>Picture');
      expect(await app.store.media.findById(id)).toBeDefined();

      // Out of the featured picture: still in a body, still refused.
      await editor.get(`/admin/articles/${featuring.id}`);
      expect((await editor.post(`/admin/articles/${featuring.id}/image/remove`, { revision: await revisionOf(featuring.id) })).statusCode).toBe(303);
      await updateIfLive(editor, featuring.id);
      expect(await app.store.media.findById(id)).toBeDefined();
      const stillInBody = await editor.post(`/admin/media/${id}/remove`, {});
      expect(stillInBody.statusCode).toBe(409);
      expect(stillInBody.body).toContain('Take it out of “Wardens ask walkers to keep dogs on leads” (in the body) first.');

      await editor.get(`/admin/articles/${bodyStory.id}`);
      const files = await filesOf(id);
      expect((await editor.post(`/admin/articles/${bodyStory.id}`, { revision: await revisionOf(bodyStory.id), bodyMd: 'Walkers are asked to keep away.', intent: 'update' })).statusCode).toBeLessThan(400);
      await editor.get(`/admin/media/${id}`);
      const removed = await editor.post(`/admin/media/${id}/remove`, {});
      expect(removed.statusCode).toBe(303);
      expect(removed.headers.location).toBe('/admin/media?done=removed');
      expect(await app.store.media.findById(id)).toBeUndefined();
      for (const file of files) expect(existsSync(join(mediaDir, file)), file).toBe(false);
      const gone = await editor.get(`/admin/media/${id}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.body).toContain(`There is no picture ${id} in the library`);
    });

    it('prunes only files no picture names (after a dry run that deletes nothing), never a referenced or a young file', async () => {
      const draft = await newDraft(editor, 'Pier lights restored');
      const id = await upload(editor, draft, await plainPicture(BLUE, 600, 400), 'The pier at night');
      const referenced = await filesOf(id);
      const old = new Date(Date.now() - 3 * 3_600_000);
      const orphans = ['AAAAAAAAAAAAAAAA-400.jpg', 'AAAAAAAAAAAAAAAA-1x1.jpg', 'BBBBBBBBBBBBBBBB-800.webp'];
      for (const name of orphans) copyFileSync(join(mediaDir, referenced[0]!), join(mediaDir, name));
      copyFileSync(join(mediaDir, referenced[0]!), join(mediaDir, 'CCCCCCCCCCCCCCCC-400.jpg'));
      writeFileSync(join(mediaDir, 'README.txt'), 'not ours');
      for (const name of [...orphans, ...referenced, 'README.txt']) utimesSync(join(mediaDir, name), old, old);

      const env = { NEWSDESK_LOG_LEVEL: 'silent', NEWSDESK_MEDIA_DIR: mediaDir, DATABASE_URL: databaseUrl(app.config.database) };
      const capture = () => {
        const out: string[] = [];
        const err: string[] = [];
        return { io: { env, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } }, out, err };
      };
      const dry = capture();
      expect((await runCli(['media', 'prune', '--dry-run'], dry.io, cliServices)).code).toBe(0);
      expect(dry.out.join('')).toBe(`${[...orphans].sort().join('\n')}\n`);
      expect(dry.err.join('')).toContain('Would delete 3 files no picture uses (dry run: nothing deleted).');
      expect(dry.err.join('')).toContain('Kept 1 unused file younger than 60 minutes.');
      for (const name of orphans) expect(existsSync(join(mediaDir, name)), name).toBe(true);

      const real = capture();
      expect((await runCli(['media', 'prune'], real.io, cliServices)).code).toBe(0);
      expect(real.err.join('')).toContain('Deleted 3 files no picture uses.');
      for (const name of orphans) expect(existsSync(join(mediaDir, name)), name).toBe(false);
      for (const name of [...referenced, 'README.txt', 'CCCCCCCCCCCCCCCC-400.jpg']) expect(existsSync(join(mediaDir, name)), name).toBe(true);
      // Every file any picture names is still there.
      for (const name of await app.store.media.referencedFiles()) {
        if (!name.startsWith('x-')) expect(existsSync(join(mediaDir, name)), name).toBe(true);
      }
    });

    it('sets the featured picture from the picker through the workflow, refusing a stale revision with a clear message', async () => {
      const other = await newDraft(editor, 'Ferry timetable changes');
      const chosen = await upload(editor, other, await plainPicture(GREEN, 800, 600), 'A ferry timetable board');
      const target = await newDraft(author, 'Commuters face longer crossings');
      const picker = await author.get(`/admin/articles/${target}/picture?q=timetable`);
      expect(picker.statusCode).toBe(200);
      expect(picker.body).toContain('<h1 id="picker-heading">Pictures for “Commuters face longer crossings”</h1>');
      expect(picker.body).toContain(`<input type="hidden" name="mediaId" value="${chosen}"/>`);
      expect(picker.body).toContain(`value="![A ferry timetable board](/media/pictures/${chosen}.jpg)"`);
      const revision = await revisionOf(target);

      await author.get(`/admin/articles/${target}`);
      expect((await author.post(`/admin/articles/${target}`, { revision, dek: 'Saved in another tab' })).statusCode).toBeLessThan(400);
      const stale = await author.post(`/admin/articles/${target}/picture`, { revision, mediaId: chosen });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('This article was saved after you opened this list, so the picture was not set (nothing was overwritten).');
      expect((await app.store.articles.findById(target))!.featuredMediaId).toBeNull();

      const used = await author.post(`/admin/articles/${target}/picture`, { revision: await revisionOf(target), mediaId: chosen });
      expect(used.statusCode).toBe(303);
      expect(used.headers.location).toBe(`/admin/articles/${target}?done=saved`);
      const article = (await app.store.articles.findById(target))!;
      expect(article.featuredMediaId).toBe(chosen);
      expect(article.dek).toBe('Saved in another tab');
      expect((await app.store.articles.revisions(target))[0]?.kind).toBe('save');
      // The picture another article features too is not discarded, and the picker says which is featured now.
      expect((await app.store.articles.findById(other))!.featuredMediaId).toBe(chosen);
      expect((await author.get(`/admin/articles/${target}/picture?q=timetable`)).body).toContain('This is the featured picture now.');
      // Someone who may not edit the article may not pick for it.
      expect((await contributor.get(`/admin/articles/${target}/picture`)).statusCode).toBe(403);
      const missing = await author.post(`/admin/articles/${target}/picture`, { revision: await revisionOf(target), mediaId: 999999 });
      expect(missing.statusCode).toBe(404);
    });

    it('lets contributors reuse pictures but change only their own, while only their own drafts use them', async () => {
      const theirs = await upload(contributor, contributorDraft, await plainPicture(BLUE, 500, 500), 'Flooded allotments');
      await contributor.get(`/admin/media/${theirs}`);
      expect((await contributor.post(`/admin/media/${theirs}`, { alt: 'Allotments under water', caption: '', credit: '' })).statusCode).toBe(303);
      const editorsStory = await addArticle(app, { title: 'Storm damage across the county', bodyMd: `![Allotments](/media/pictures/${theirs}.jpg)` });
      expect(editorsStory.id).toBeGreaterThan(0);
      const page = await contributor.get(`/admin/media/${theirs}`);
      expect(page.body).toContain('Only editors, or the person who uploaded this picture while it is used only on their own stories, may change it.');
      expect((await contributor.post(`/admin/media/${theirs}`, { alt: 'Changed', caption: '', credit: '' })).statusCode).toBe(403);
      expect((await contributor.post(`/admin/media/${theirs}/remove`, {})).statusCode).toBe(403);
      const ferry = (await app.store.media.list({ query: 'timetable', limit: 1, offset: 0 })).items[0]!;
      expect((await contributor.post(`/admin/media/${ferry.id}/focal`, { x: '0.5', y: '0.5' })).statusCode).toBe(403);
      expect((await contributor.get('/admin/media')).statusCode).toBe(200);
      expect((await contributor.get(`/admin/articles/${contributorDraft}/picture`)).statusCode).toBe(200);
      expect((await editor.post(`/admin/media/${theirs}`, { alt: 'Allotments under water after the storm', caption: '', credit: '' })).statusCode).toBe(303);
    });
  });
}
