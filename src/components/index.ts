// The components a page imports: `import { ShortAnswer, FollowUps, Misconception } from '~/components';`
export { default as ShortAnswer } from './short-answer.astro';
export { default as FollowUps } from './follow-ups.astro';
export { default as Misconception } from './misconception.astro';
export { default as QuestionBank } from './question-bank.astro';
export { default as Glossary } from './glossary.astro';
export { default as SectionCards } from './section-cards.astro';
export { default as Current } from './current.astro';
export { default as Default } from './default.astro';
