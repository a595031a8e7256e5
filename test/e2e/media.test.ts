import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/corpus.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { jsonLd, meta } from '../support/html.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';
import { xmllintErrors } from '../support/xmllint.js';
import { requireTool } from '../support/required-tools.js';

const UPLOADS = join(CORPUS_DIR, 'payloads/upload-files');

async function picture(width = 1600, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer();
}

for (const database of testDatabases()) {
  describe(`pictures on ${database.name}`, () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-media-'));
    let app: TestApp;
    let author: AdminClient;
    let draftId: number;
    const revision = async () => (await app.store.articles.findById(draftId))!.revision;
    const upload = async (file: { name: string; type: string; data: Buffer }, alt = 'A harbour at dawn', client = author, id = draftId) => {
      await client.get(`/admin/articles/${id}`);
      return client.upload(`/admin/articles/${id}/image`, { revision: await revision(), alt }, file);
    };

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_MEDIA_DIR: mediaDir, NEWSDESK_MAX_UPLOAD_MB: '1' } });
      await makeUser(app, 'author');
      author = await new AdminClient(app).signIn('author@newsroom.test', PASSWORD);
      await author.get('/admin/articles/new');
      const created = await author.post('/admin/articles', { title: 'Harbour works begin' });
      draftId = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
    });
    afterAll(async () => app.dispose());

    it('refuses every SVG and the HTML file of the corpus with a clear message, storing nothing', async () => {
      const before = readdirSync(mediaDir).length;
      for (const name of readdirSync(UPLOADS).filter((file) => file.endsWith('.svg') || file.endsWith('.demo'))) {
        const response = await upload({ name, type: name.endsWith('.svg') ? 'image/svg+xml' : 'image/jpeg', data: readFileSync(join(UPLOADS, name)) });
        expect(response.statusCode, name).toBe(400);
        expect(response.json<{ message: string }>().message, name).toMatch(name.endsWith('.svg') ? /SVG files are not accepted/ : /not an image we can read/);
      }
      expect(readdirSync(mediaDir).length).toBe(before);
    });

    it('accepts the pictures with script in every metadata field, and strips all of it', async () => {
      for (const name of ['payload_in_all_known_metadata.jpg', 'payload_in_all_known_metadata.png']) {
        const response = await upload({ name, type: 'image/jpeg', data: readFileSync(join(UPLOADS, name)) });
        expect(response.statusCode, response.body).toBe(200);
        const { files, crops } = response.json<{ files: string[]; crops: Record<string, string> }>();
        for (const file of [...files, ...Object.values(crops)]) {
          const bytes = readFileSync(join(mediaDir, file));
          expect(bytes.includes('<script>'), file).toBe(false);
          const info = await sharp(bytes).metadata();
          expect([info.exif, info.xmp, info.iptc, info.comments], file).toEqual([undefined, undefined, undefined, undefined]);
        }
      }
    });

    it('stores files under generated names whatever the upload is called', async () => {
      const data = await picture(800, 600);
      for (const name of ['../../x.jpg', 'x.jpg%00.php', `${'a'.repeat(300)}.jpg`, '..\\..\\windows.jpg']) {
        const response = await upload({ name, type: 'image/png', data });
        expect(response.statusCode, name).toBe(200);
      }
      for (const file of readdirSync(mediaDir)) expect(file).toMatch(/^[A-Za-z0-9_-]{16}-(\d+|16x9|4x3|1x1)\.(webp|jpg)$/);
      const names = (await app.store.db.selectFrom('media').select('original_name').execute()).map((row) => row.original_name);
      for (const name of names) {
        expect(name).not.toMatch(/[\\/]|%00|\0/);
        expect(name.length).toBeLessThanOrEqual(120);
      }
    });

    it('refuses a file over the size limit while it streams in, with 413 and a message', async () => {
      const before = readdirSync(mediaDir).length;
      const big = Buffer.alloc(1_500_000, 1);
      const response = await upload({ name: 'big.jpg', type: 'image/jpeg', data: big });
      expect(response.statusCode).toBe(413);
      expect(response.json<{ message: string }>().message).toBe('Pictures can be at most 1 MB. Make the file smaller and upload it again.');
      expect(readdirSync(mediaDir).length).toBe(before);
    });

    it('requires alt text, and lets nobody upload to an article they may not edit', async () => {
      const data = await picture(400, 300);
      expect((await upload({ name: 'ok.png', type: 'image/png', data }, '  ')).statusCode).toBe(400);
      await makeUser(app, 'contributor');
      const contributor = await new AdminClient(app).signIn('contributor@newsroom.test', PASSWORD);
      await contributor.get('/admin');
      const refused = await contributor.upload(`/admin/articles/${draftId}/image`, { revision: await revision(), alt: 'x' }, { name: 'ok.png', type: 'image/png', data });
      expect(refused.statusCode).toBe(403);
    });

    it("lets a person set their byline name, address, bio and portrait; the old address redirects", async () => {
      const me = (await app.store.users.findByEmail('author@newsroom.test'))!;
      await app.server.inject({ method: 'GET', url: `/author/${me.slug}` });
      await author.get('/admin/profile');
      const taken = await author.post('/admin/profile', { displayName: 'Author Person', slug: 'imran-qadir', bio: '' });
      expect(taken.statusCode).toBe(409);
      const saved = await author.post('/admin/profile', { displayName: 'Noor Author', slug: 'noor-author', bio: 'Covers the ports and shipping.' });
      expect(saved.statusCode).toBe(200);
      const old = await app.server.inject({ method: 'GET', url: `/author/${me.slug}` });
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/author/noor-author');
      await author.get('/admin/profile');
      const portrait = await author.upload('/admin/profile/avatar', {}, { name: 'me.png', type: 'image/png', data: await picture(600, 800) });
      expect(portrait.statusCode, portrait.body).toBe(200);
      // A person's page stands on a public byline (without one it is a 404).
      await addArticle(app, { title: 'Night shift at the container harbour', authorSlugs: ['noor-author'] });
      const page = await app.server.inject({ method: 'GET', url: '/author/noor-author' });
      expect(page.body).toContain('<h1>Noor Author</h1>');
      expect(page.body).toContain('Covers the ports and shipping.');
      expect(page.body).toMatch(/<img class="archive__portrait" src="\/media\/[\w-]+-1x1\.jpg" alt="Noor Author"/);
    });

    it('shows the picture on the article with srcset, in JSON-LD crops, OpenGraph and the sitemap', async () => {
      const response = await upload({ name: 'harbour.png', type: 'image/png', data: await picture() }, 'Cranes over the container harbour');
      expect(response.statusCode).toBe(200);
      await author.get(`/admin/articles/${draftId}`);
      expect((await author.post(`/admin/articles/${draftId}/action`, { action: 'publish', revision: await revision() })).statusCode).toBe(303);
      const slug = (await app.store.articles.findById(draftId))!.slug;
      const page = await app.server.inject({ method: 'GET', url: `/${slug}` });
      expect(page.body).toMatch(/<source type="image\/webp" srcset="\/media\/[\w-]+-400\.webp 400w, \/media\/[\w-]+-800\.webp 800w, \/media\/[\w-]+-1200\.webp 1200w" sizes="[^"]+"\/>/);
      expect(page.body).toContain('alt="Cranes over the container harbour"');
      const [article] = jsonLd(page.body);
      expect((article?.image as string[]).map((url) => /-(16x9|4x3|1x1)\.jpg$/.exec(url)?.[1])).toEqual(['16x9', '4x3', '1x1']);
      expect(meta(page.body, 'og:image')).toMatch(/^https:\/\/news\.example\.test\/media\/[\w-]+-16x9\.jpg$/);
      const file = /\/media\/([\w-]+-1x1\.jpg)/.exec(page.body)?.[1];
      const served = await app.server.inject({ method: 'GET', url: `/media/${file}` });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const [width, height] = [(await sharp(served.rawPayload).metadata()).width, (await sharp(served.rawPayload).metadata()).height];
      expect(width).toBe(height);
      expect((await app.server.inject({ method: 'GET', url: '/media/..%2f..%2fetc%2fpasswd' })).statusCode).toBe(404);
      const sitemap = await app.server.inject({ method: 'GET', url: '/sitemaps/articles-2026-11.xml' });
      expect(sitemap.body).toMatch(/<image:image><image:loc>https:\/\/news\.example\.test\/media\/[\w-]+-16x9\.jpg<\/image:loc><\/image:image>/);
      if (requireTool('xmllint')) expect(xmllintErrors(sitemap.body, 'urlset')).toEqual([]);
    });
  });
}
