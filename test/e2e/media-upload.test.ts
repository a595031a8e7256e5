import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { streamUpload } from '../support/stream-upload.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

/** Far more than the 1 MB limit: a server that reads it all is not cutting the stream. */
const HUGE = 256 * 1024 * 1024;
/** What the socket may take before the answer: the limit plus the kernel's buffers on both ends, ≪ HUGE. */
const EARLY = 32 * 1024 * 1024;

async function picture(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();
}

for (const database of testDatabases()) {
  describe(`picture uploads against a listening server on ${database.name}`, () => {
    const mediaDir = mkdtempSync(join(tmpdir(), 'newsdesk-upload-'));
    let app: TestApp;
    let base: string;
    let author: AdminClient;
    let contributor: AdminClient;
    let ownId: number;
    let othersId: number;

    const cookie = (client: AdminClient) => [...client.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    const article = async (id: number) => (await app.store.articles.findById(id))!;
    const mediaRows = async () => (await app.store.db.selectFrom('media').select('id').execute()).length;
    const create = async (client: AdminClient, title: string) => {
      await client.get('/admin/articles/new');
      const created = await client.post('/admin/articles', { title });
      return Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
    };

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_MEDIA_DIR: mediaDir, NEWSDESK_MAX_UPLOAD_MB: '1' } });
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.server.address() as { port: number }).port}`;
      await makeUser(app, 'author');
      await makeUser(app, 'contributor');
      author = await new AdminClient(app).signIn('author@newsroom.test', PASSWORD);
      contributor = await new AdminClient(app).signIn('contributor@newsroom.test', PASSWORD);
      othersId = await create(author, 'The author’s own story');
      ownId = await create(contributor, 'The contributor’s draft');
      await contributor.get(`/admin/articles/${ownId}`);
    });
    afterAll(async () => {
      await app.dispose();
      rmSync(mediaDir, { recursive: true, force: true });
    });

    /** Every refusal leaves the same state: no file, no row, the article untouched. */
    async function expectNothingStored(id: number, revision: number) {
      expect(readdirSync(mediaDir)).toEqual([]);
      expect(await mediaRows()).toBe(0);
      expect((await article(id)).revision).toBe(revision);
      expect((await article(id)).featuredMediaId).toBeNull();
    }

    it('stops reading a chunked upload at the limit: 413 with a message, the connection closed, nothing stored', async () => {
      const revision = (await article(ownId)).revision;
      const result = await streamUpload({
        url: `${base}/admin/articles/${ownId}/image`,
        headers: { cookie: cookie(contributor) },
        fields: { _csrf: contributor.csrf, revision, alt: 'A very large picture' },
        fileBytes: HUGE,
      });
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body)).toEqual({ error: 'TOO_LARGE', message: 'Pictures can be at most 1 MB. Make the file smaller and upload it again.' });
      expect(result.headers.connection).toBe('close');
      expect(result.closedByServer).toBe(true);
      expect(result.acceptedBeforeResponse).toBeLessThan(EARLY);
      expect(result.accepted).toBeLessThan(EARLY);
      await expectNothingStored(ownId, revision);
      // The server is still there and answers the next request.
      expect((await app.server.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    });

    it('refuses a declared length over the limit before reading the body', async () => {
      const revision = (await article(ownId)).revision;
      const result = await streamUpload({
        url: `${base}/admin/articles/${ownId}/image`,
        headers: { cookie: cookie(contributor) },
        fields: { _csrf: contributor.csrf, revision, alt: 'A very large picture' },
        fileBytes: HUGE,
        declareLength: true,
      });
      expect(result.status).toBe(413);
      expect(result.headers.connection).toBe('close');
      expect(result.closedByServer).toBe(true);
      expect(result.accepted).toBeLessThan(EARLY);
      await expectNothingStored(ownId, revision);
    });

    it('answers a stale revision with 409 before reading the picture', async () => {
      const revision = (await article(ownId)).revision;
      const result = await streamUpload({
        url: `${base}/admin/articles/${ownId}/image`,
        headers: { cookie: cookie(contributor) },
        fields: { _csrf: contributor.csrf, revision: revision - 1 < 1 ? revision + 5 : revision - 1, alt: 'A picture' },
        fileBytes: HUGE,
      });
      expect(result.status).toBe(409);
      expect(JSON.parse(result.body).error).toBe('STALE_REVISION');
      expect(result.closedByServer).toBe(true);
      expect(result.accepted).toBeLessThan(EARLY);
      await expectNothingStored(ownId, revision);
    });

    it("answers 403 to a contributor uploading to someone else's article, before reading the picture", async () => {
      const revision = (await article(othersId)).revision;
      const result = await streamUpload({
        url: `${base}/admin/articles/${othersId}/image`,
        headers: { cookie: cookie(contributor) },
        fields: { _csrf: contributor.csrf, revision, alt: 'A picture' },
        fileBytes: HUGE,
      });
      expect(result.status).toBe(403);
      expect(result.closedByServer).toBe(true);
      expect(result.accepted).toBeLessThan(EARLY);
      await expectNothingStored(othersId, revision);
    });

    it('answers someone signed out with 401 and hangs up without reading the picture', async () => {
      const result = await streamUpload({ url: `${base}/admin/articles/${ownId}/image`, fields: { revision: 1, alt: 'A picture' }, fileBytes: HUGE });
      expect(result.status).toBe(401);
      expect(result.headers.connection).toBe('close');
      expect(result.closedByServer).toBe(true);
      expect(result.accepted).toBeLessThan(EARLY);
      expect(readdirSync(mediaDir)).toEqual([]);
    });

    it('answers 404 for an article that does not exist, before reading the picture', async () => {
      const result = await streamUpload({
        url: `${base}/admin/articles/999999/image`,
        headers: { cookie: cookie(contributor) },
        fields: { _csrf: contributor.csrf, revision: 1, alt: 'A picture' },
        fileBytes: HUGE,
      });
      expect(result.status).toBe(404);
      expect(result.accepted).toBeLessThan(EARLY);
      expect(readdirSync(mediaDir)).toEqual([]);
    });

    it('refuses a file that is not a picture, leaving no file and no row', async () => {
      const revision = (await article(ownId)).revision;
      const notAnImage = await contributor.upload(`/admin/articles/${ownId}/image`, { revision, alt: 'Noise' }, { name: 'x.jpg', type: 'image/jpeg', data: Buffer.alloc(5000, 7) });
      expect(notAnImage.statusCode).toBe(400);
      await expectNothingStored(ownId, revision);
    });

    it('keeps a replaced article picture in the library (its files too), and deletes a portrait a new one replaces', async () => {
      const upload = async (width: number) =>
        contributor.upload(`/admin/articles/${ownId}/image`, { revision: (await article(ownId)).revision, alt: `A picture ${width} wide` }, { name: 'p.png', type: 'image/png', data: await picture(width, 600) });
      const first = await upload(1000);
      expect(first.statusCode, first.body).toBe(200);
      const firstFiles = [...first.json<{ files: string[] }>().files, ...Object.values(first.json<{ crops: Record<string, string> }>().crops)];
      expect(firstFiles).toHaveLength(3 * 2 + 3);
      expect(readdirSync(mediaDir).sort()).toEqual([...firstFiles].sort());
      const second = await upload(900);
      expect(second.statusCode, second.body).toBe(200);
      const secondFiles = [...second.json<{ files: string[] }>().files, ...Object.values(second.json<{ crops: Record<string, string> }>().crops)];
      // The first picture stays for reuse from the media library; removing it there deletes its files.
      expect(readdirSync(mediaDir).sort()).toEqual([...firstFiles, ...secondFiles].sort());
      expect(await mediaRows()).toBe(2);
      expect((await article(ownId)).featuredMediaId).toBe(second.json<{ id: number }>().id);

      await contributor.get('/admin/profile');
      const portrait = async () => contributor.upload('/admin/profile/avatar', {}, { name: 'me.png', type: 'image/png', data: await picture(500, 500) });
      const firstPortrait = await portrait();
      expect(firstPortrait.statusCode, firstPortrait.body).toBe(200);
      const afterFirst = readdirSync(mediaDir).length;
      const secondPortrait = await portrait();
      expect(secondPortrait.statusCode, secondPortrait.body).toBe(200);
      expect(readdirSync(mediaDir).length).toBe(afterFirst);
      expect(await mediaRows()).toBe(3);
    });

    it('takes the featured picture off the article on request (the picture stays in the library); only for someone who may edit the article', async () => {
      await contributor.get(`/admin/articles/${ownId}`);
      const refused = await contributor.post(`/admin/articles/${othersId}/image/remove`, { revision: (await article(othersId)).revision });
      expect(refused.statusCode).toBe(403);
      const before = (await article(ownId)).featuredMediaId;
      expect(before).not.toBeNull();
      const files = readdirSync(mediaDir).length;
      await contributor.get(`/admin/articles/${ownId}`);
      const removed = await contributor.post(`/admin/articles/${ownId}/image/remove`, { revision: (await article(ownId)).revision });
      expect(removed.statusCode).toBe(303);
      expect((await article(ownId)).featuredMediaId).toBeNull();
      expect(readdirSync(mediaDir).length).toBe(files);
      expect(await mediaRows()).toBe(3);
    });
  });
}
