/**
 * The actor stages (mentions → link → coref) over one shared, lazily loaded knowledge base.
 */
import { loadKnowledgeBase, type KnowledgeBase, type LoadOptions } from '../../kb/kb.js';
import type { Stage } from '../../pipeline/pipeline.js';
import { corefStage } from './coref.js';
import { actorLexicon, type ActorLexicon } from './lexicon.js';
import { indexHolders, linkStage, type LinkContext } from './link.js';
import { mentionsStage } from './recognize.js';

export interface ActorStagesOptions extends LoadOptions {
  /** A knowledge base already loaded (tests pass a small one). */
  kb?: KnowledgeBase;
}

export function actorStages(options: ActorStagesOptions = {}): Stage[] {
  let context: (LinkContext & { lexicon: ActorLexicon }) | undefined;
  const ctx = () => {
    if (!context) {
      const kb = options.kb ?? loadKnowledgeBase(options);
      context = { kb, lexicon: actorLexicon(), holders: indexHolders(kb) };
    }
    return context;
  };
  const mentions = mentionsStage(ctx);
  // Loading the KB is the mentions stage's preparation, timed apart from documents.
  mentions.init = async () => {
    ctx();
  };
  return [mentions, linkStage(ctx), corefStage(ctx)];
}
