/** Notification wording the worker uses (it has no interface language of its own; Vietnamese). */
export const NOTIFY_VI = {
  urgentPrefix: 'Tin khẩn',
  newArticles: (n: number) => `Có ${n} bài mới`,
};
