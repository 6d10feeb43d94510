/**
 * Small reads of HTML that Planwerk renders itself, done on the parsed document (htmlparser2),
 * never with patterns over the text.
 */
import { Parser } from 'htmlparser2';

/**
 * Where the first h1 ends in a piece of HTML: the index just after its `</h1>`, or 0 when it has
 * none. The layout puts notices about the page (review due, last change) right after the title.
 */
export function endeDerH1(html: string): number {
  let ende = 0;
  const parser = new Parser({
    onclosetag(name) {
      if (name === 'h1' && ende === 0) {
        ende = parser.endIndex + 1;
        parser.pause();
      }
    },
  });
  parser.end(html);
  return ende;
}
