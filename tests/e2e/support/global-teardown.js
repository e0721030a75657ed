// Jest globalTeardown of the `e2e` project: stops the local OIDC provider (if this project started it).
'use strict';

const { stopTestOidcProvider } = require('../../support/oidc/oidc-global');

module.exports = async function globalTeardown() {
  await stopTestOidcProvider();
};
