/** The bot layer as the composition root sees it. */
export { createBot, type BotDeps } from './create-bot';
export { createOnTurnError, type OnTurnErrorDeps } from './on-turn-error';
export { LotseBot, type LotseBotOptions } from './lotse-bot';
export { createTicketBotParts, type TicketBotParts, type TicketBotPartsDeps } from './tickets/ticket-bot-parts';
export type { AdvisorTurnHandler } from './tickets/advisor-turns';
