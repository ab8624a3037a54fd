// A direct mount's options, read from its element's data attributes as the app reads them
// (src/embed.rs `options_from_attributes`: tests/mount-options.json holds both to the same
// cases). A value not understood gives the default; the app reports it in the console.
//
// A part of a script: the build (scripts/web.mjs) puts it in the loader (to shape the start
// page it shows) and in the bundle's start (the fallback's heading level), after `SMX`.
/* global SMX */
/* exported mountOptions */

function mountOptions(mount) {
  var get = function (name) {
    var v = mount.getAttribute(name);
    return v === null ? null : v.trim();
  };
  var level = get(SMX.attributes.headingLevel);
  var choice = get(SMX.attributes.scheduleChoice);
  var schedule = get(SMX.attributes.schedule);
  var answers = get(SMX.attributes.answers);
  // A whole number, as Rust's u8 reads it: digits, an optional "+" in front.
  var n = level !== null && /^\+?[0-9]+$/.test(level) ? Number(level) : 0;
  return {
    headingLevel: n >= 1 && n <= 6 ? n : SMX.mount.headingLevel,
    scheduleChoice: choice === "false" ? false : choice === "" || choice === "true" ? true : SMX.mount.scheduleChoice,
    schedule: schedule !== null && SMX.mount.schedules.indexOf(schedule) >= 0 ? schedule : SMX.mount.schedule,
    // A tender's presets (the app opens on its first question, not the start page).
    answers: answers ? answers : null,
  };
}
