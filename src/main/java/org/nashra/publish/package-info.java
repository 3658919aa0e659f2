/**
 * Publish stage: turns a {@link org.nashra.publish.FeedDocument} into the bytes of an Atom 1.0,
 * RSS 2.0 or JSON Feed 1.1 document ({@link org.nashra.publish.FeedWriter}), sanitizes the HTML
 * that goes into them ({@link org.nashra.publish.HtmlSanitizer}), builds the "أخبار أخرى" digest
 * entries ({@link org.nashra.publish.OtherNewsDigest}) and writes OPML
 * ({@link org.nashra.publish.OpmlWriter}). Rome, JDOM and jsoup types stay inside this package.
 */
package org.nashra.publish;
