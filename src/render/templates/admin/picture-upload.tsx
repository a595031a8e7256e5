/**
 * The fields of a featured-picture upload for an article (posted to /admin/articles/:id/image): the form's
 * CSRF token and the revision it was made from, the alt text and the file. Labels, limits and accepted types
 * are the same wherever the newsroom offers an upload; `idPrefix` keeps ids unique on a page.
 */
export function PictureUploadFields(props: { csrf: string; revision: number; idPrefix?: string }): JSX.Element {
  const id = (name: string) => `${props.idPrefix ?? ''}${name}`;
  return (
    <>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="revision" value={String(props.revision)} />
      <label for={id('alt')}>Alt text (what the picture shows)</label>
      <input id={id('alt')} name="alt" required maxlength="500" />
      <label for={id('file')}>Picture (JPEG, PNG, WebP, GIF or AVIF)</label>
      <input id={id('file')} name="file" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" required />
      <button type="submit" class="secondary">
        Upload and use
      </button>
    </>
  );
}
