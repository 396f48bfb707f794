// GOV.UK's character count gives each box its own live region and speaks the
// count after every pause in typing, thousands of characters from the limit.
// Here the count is spoken only near or over the limit (the threshold set on
// the component), only while the parent is in that box, and through the
// page's one status region.
import { announce } from "./announce.mjs";

export function announceCountsNearTheLimit(CharacterCount) {
  CharacterCount.prototype.updateScreenReaderCountMessage = function speakNearTheLimit() {
    this.$screenReaderCountMessage.remove();
    if (this.isOverThreshold() && document.activeElement === this.$textarea) {
      announce(this.getCountMessage());
    }
  };
}
