/**
 * Entity extraction speed (issue 12: a 1,000-word story in ≤ 50 ms on this machine): the labelled test
 * paragraphs joined to at least 1,000 words, extracted 50 times after a warm-up; prints the median and p95.
 * A report, never a test.
 *
 *   tsx bench/entities.ts
 */
import { extractEntities } from '../src/topics/extract-entities.js';
import { LABELLED_PARAGRAPHS } from '../test/topics/labelled-paragraphs.js';

const ROUNDS = 50;
const WORDS = 1_000;

let story = '';
for (const paragraph of LABELLED_PARAGRAPHS) {
  if (story.split(/\s+/).length >= WORDS) break;
  story += `${paragraph.text}\n\n`;
}
const words = story.trim().split(/\s+/).length;
for (let i = 0; i < 5; i++) extractEntities(story);
const times: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const started = performance.now();
  extractEntities(story);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
process.stdout.write(`\nEntity extraction: a ${words}-word story, ${ROUNDS} runs after 5 to warm up: median ${at(50)} ms, p95 ${at(95)} ms (target ≤ 50 ms)\n`);
