/** Types of the article model the app keeps, built from JSON Feed items. */

export type Priority = 'normal' | 'urgent';

export interface Author {
  name?: string;
  url?: string;
  avatar?: string;
}

export interface Attachment {
  url: string;
  mimeType: string;
  title?: string;
  sizeInBytes?: number;
}

export interface Category {
  id: string;
  title: string;
}

/** One article as parsed from a feed item; every field the feed gave is kept in `raw`. */
export interface Article {
  id: string;
  title?: string;
  summary?: string;
  contentHtml?: string;
  contentText?: string;
  url?: string;
  externalUrl?: string;
  image?: string;
  imageCaption?: string;
  /** RFC 3339 string as received (valid). */
  datePublished?: string;
  publishedMs?: number;
  dateModified?: string;
  modifiedMs?: number;
  authors: Author[];
  tags: string[];
  language?: string;
  attachments: Attachment[];
  source?: string;
  category?: string;
  priority: Priority;
  /** The feed's own address: relative URLs inside the body resolve against it. */
  baseUrl: string;
  /** The item as the feed sent it, extensions included (the body lives in contentHtml/contentText). */
  raw: unknown;
}

/** Feed-level facts the app shows or needs. */
export interface FeedInfo {
  title: string;
  homePageUrl?: string;
  feedUrl?: string;
  language: string;
  nextUrl?: string;
  icon?: string;
  favicon?: string;
  categories: Category[];
}

export interface ParsedFeed {
  info: FeedInfo;
  articles: Article[];
  /** Items that could not be used (invalid, duplicate, or past the item limit). */
  skipped: number;
}
