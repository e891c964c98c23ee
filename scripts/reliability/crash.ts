/**
 * `npm run crash [-- --kills 20 --targeted 5 --visitors 200 --minutes 4 --seed 7]`: SIGKILLs of the bot process at
 * random moments during lobby traffic (and, with --targeted, right when Teams accepts an alert card), each followed
 * by a restart on the same data folder; counts lost and repeated alerts. The same harness as `npm run soak`, without
 * injected faults unless --chaos-seconds is given.
 */
process.argv.push(...(process.argv.includes('--kills') ? [] : ['--kills', '20']));
process.argv.push(...(process.argv.includes('--minutes') ? [] : ['--minutes', '4']));
process.argv.push(...(process.argv.includes('--visitors') ? [] : ['--visitors', '200']));
process.argv.push(...(process.argv.includes('--chaos-seconds') ? [] : ['--chaos-seconds', '0']));
await import('./soak.js');
