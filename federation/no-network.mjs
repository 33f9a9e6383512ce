// Loaded with --import before anything else: every outgoing connection must go to this
// machine (the gateway under test, the users subgraph), so that neither the composition nor
// Hive Gateway can reach the internet, e.g. for usage reporting or telemetry, unnoticed.
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  // net.connect() hands over its arguments already normalized, as one array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  const host = options.path ? 'localhost' : (options.host ?? 'localhost');
  if (!LOOPBACK.test(host)) {
    throw new Error(`no-network.mjs: refused a connection to ${host}; only loopback is allowed`);
  }
  return connect.apply(this, args);
};
