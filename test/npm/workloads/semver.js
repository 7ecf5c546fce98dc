const semver = require('semver');
console.log(semver.valid('1.2.3'), semver.valid('a.b.c'), semver.clean('  =v1.2.3  '));
console.log(semver.satisfies('1.2.3', '1.x || >=2.5.0 || 5.0.0 - 7.2.3'));
console.log(semver.gt('1.2.3', '9.8.7'), semver.lt('1.2.3', '9.8.7'));
console.log(semver.sort(['1.10.0', '1.2.0', '1.2.0-beta.1', '0.9.9']));
console.log(semver.maxSatisfying(['1.2.3', '1.2.4', '1.3.0', '2.0.0'], '~1.2.0'));
console.log(semver.inc('1.2.3-rc.1', 'prerelease'), semver.inc('1.2.3', 'major'));
console.log(semver.coerce('v3.4 beta').version, semver.minVersion('>=1.0.0 <2').version);
console.log(new semver.Range('^1.2.3').range);
