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

/** One knowledge base for all the stages that read it, loaded when first asked for. */
export function knowledgeBaseOnce(options: ActorStagesOptions = {}): () => KnowledgeBase {
  let kb = options.kb;
  return () => (kb ??= loadKnowledgeBase(options));
}

export function actorStages(
  options: ActorStagesOptions = {},
  getKb: () => KnowledgeBase = knowledgeBaseOnce(options),
): Stage[] {
  let context: (LinkContext & { lexicon: ActorLexicon }) | undefined;
  const ctx = () => {
    if (!context) {
      const kb = getKb();
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
