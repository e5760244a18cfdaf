import { DomainError } from '../../../../core/errors/domain-error';
import type { App } from '../../app';
import { getArticleSchema, listArticlesSchema } from './schema';

/** Learn is public: nobody has to sign up to read it. */
export function learnRoutes(app: App): void {
  const { learn } = app.services;

  app.get('/api/learn', { schema: listArticlesSchema }, async (request) =>
    learn.list(request.query.q ?? '', request.query.topic),
  );

  app.get('/api/learn/:slug', { schema: getArticleSchema }, async (request) => {
    const article = learn.get(request.params.slug);
    if (!article) throw new DomainError('not_found', 'We could not find that article.');
    const { order: _order, ...body } = article;
    return body;
  });
}
