import { describeReadingStats, readingStats } from '../../../core/text/reading-stats.js';

/**
 * The body's word count and reading time, under the editor: computed here for the saved body (so it shows
 * without JavaScript) and kept up to date while typing by the visual editor's script, which finds it by
 * `data-body-stats`.
 */
export function BodyStats(props: { markdown: string }): JSX.Element {
  return (
    <p class="hint body-stats" id="body-stats" data-body-stats safe>
      {describeReadingStats(readingStats(props.markdown))}
    </p>
  );
}
