import { lookup as dnsLookup } from 'node:dns';
import { createServer, type Server } from 'node:http';
import { BlockList } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicHttpSource } from './fetch-pictures.js';
import { PictureUnavailable } from './picture-source.js';

const PICTURE = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('fetching pictures for an import', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      const url = request.url ?? '';
      if (url === '/picture.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end(PICTURE);
      if (url === '/to-metadata') return void response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (url === '/to-private-name') return void response.writeHead(301, { location: `http://intranet.test:${port}/picture.png` }).end();
      if (url === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
      if (url === '/declared-huge') return void response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) }).end();
      if (url === '/endless') {
        response.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024);
        const pump = () => {
          while (response.write(chunk));
          response.once('drain', pump);
        };
        pump();
        response.on('close', () => response.removeAllListeners('drain'));
        return;
      }
      if (url === '/slow') return; // never answers
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses every private, loopback and link-local address, however it is written, without connecting', async () => {
    const source = publicHttpSource();
    const before = hits.length;
    const addresses = [
      `http://127.0.0.1:${port}/picture.png`,
      `http://[::1]:${port}/picture.png`,
      `http://0177.0.0.1:${port}/picture.png`,
      `http://0x7f.1:${port}/picture.png`,
      `http://2130706433:${port}/picture.png`,
      `http://[::ffff:127.0.0.1]:${port}/picture.png`,
      `http://localhost:${port}/picture.png`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/picture.png',
      'http://172.16.5.4/picture.png',
      'http://192.168.0.10/picture.png',
      'http://100.64.0.1/picture.png',
      'http://0.0.0.0/picture.png',
      'http://[fc00::1]/picture.png',
      'http://[fe80::1]/picture.png',
      `file:///etc/passwd`,
      `ftp://127.0.0.1/picture.png`,
    ];
    for (const address of addresses) {
      await expect(source.read(address), address).rejects.toBeInstanceOf(PictureUnavailable);
    }
    expect(hits.length).toBe(before);
  });

  describe('with the test server allowed (only 10/8 and 169.254/16 refused)', () => {
    const blocked = new BlockList();
    blocked.addSubnet('10.0.0.0', 8, 'ipv4');
    blocked.addSubnet('169.254.0.0', 16, 'ipv4');
    // "intranet.test" stands for a name whose DNS answer is private.
    const lookup = ((hostname: string, options: object, callback: (...args: unknown[]) => void) =>
      hostname === 'intranet.test' ? callback(null, [{ address: '10.0.0.7', family: 4 }]) : dnsLookup(hostname, options as never, callback as never)) as typeof dnsLookup;
    const source = publicHttpSource({ blocked, lookup, timeoutMs: 500, maxBytes: 1024 * 1024 });

    it('fetches a picture', async () => {
      expect(await source.read(`http://127.0.0.1:${port}/picture.png`)).toEqual(PICTURE);
    });

    it('checks every redirect again: a literal private address, and a name that resolves to one', async () => {
      await expect(source.read(`http://127.0.0.1:${port}/to-metadata`)).rejects.toThrow(/169\.254\.169\.254.*not a public address/);
      await expect(source.read(`http://127.0.0.1:${port}/to-private-name`)).rejects.toThrow(/intranet\.test resolves to 10\.0\.0\.7/);
    });

    it('stops redirect loops, oversized bodies (declared or not) and servers that never answer', async () => {
      await expect(source.read(`http://127.0.0.1:${port}/loop`)).rejects.toThrow(/more than 5 redirects/);
      await expect(source.read(`http://127.0.0.1:${port}/declared-huge`)).rejects.toThrow(/larger than 1 MB/);
      await expect(source.read(`http://127.0.0.1:${port}/endless`)).rejects.toThrow(/larger than 1 MB/);
      await expect(source.read(`http://127.0.0.1:${port}/slow`)).rejects.toThrow(/did not answer within 0.5 s/);
      await expect(source.read(`http://127.0.0.1:${port}/missing.png`)).rejects.toThrow(/answered 404/);
    });
  });
});
