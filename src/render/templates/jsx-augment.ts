// @kitajs/html's element types lack `sizes` on <img> and <source>; responsive images need it.
export {};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- the JSX namespace can only be augmented this way
  namespace JSX {
    interface HtmlImageTag {
      sizes?: string;
    }
    interface HtmlSourceTag {
      sizes?: string;
    }
  }
}
