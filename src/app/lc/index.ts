export { formatLetterOfCredit, formatLettersOfCredit } from './format-lc.js';
export { getLettersOfCredit, type LetterOfCreditView } from './get-letters-of-credit.js';
