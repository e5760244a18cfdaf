/** The web app's single door to interface text. */
export { t, LOCALE, isMessageKey, type MessageKey } from '../../core/i18n/translate';
