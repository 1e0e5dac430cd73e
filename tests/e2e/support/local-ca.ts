// A certificate authority and a server certificate made with openssl, by the same commands the
// README gives for a warehouse network (there for dockside.lan and the server's LAN address,
// here for localhost and 127.0.0.1).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCa {
	dir: string;
	ca: string;
	cert: string;
	key: string;
	/** base64 SHA-256 of the server key's SubjectPublicKeyInfo, as Chromium's pinning flags take it. */
	spki: string;
}

export function makeLocalCa(): LocalCa {
	const dir = mkdtempSync(join(tmpdir(), 'dockside-tls-'));
	const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	openssl(
		'req',
		'-x509',
		'-newkey',
		'rsa:3072',
		'-sha256',
		'-days',
		'3650',
		'-nodes',
		'-keyout',
		'ca.key',
		'-out',
		'ca.crt',
		'-subj',
		'/CN=Dockside local CA',
		'-addext',
		'basicConstraints=critical,CA:TRUE',
		'-addext',
		'keyUsage=critical,keyCertSign,cRLSign'
	);
	writeFileSync(
		join(dir, 'server.ext'),
		[
			'basicConstraints=CA:FALSE',
			'keyUsage=critical,digitalSignature,keyEncipherment',
			'extendedKeyUsage=serverAuth',
			'subjectKeyIdentifier=hash',
			'authorityKeyIdentifier=keyid,issuer',
			'subjectAltName=DNS:localhost,IP:127.0.0.1',
			''
		].join('\n')
	);
	openssl(
		'req',
		'-newkey',
		'rsa:2048',
		'-nodes',
		'-keyout',
		'server.key',
		'-out',
		'server.csr',
		'-subj',
		'/CN=localhost'
	);
	openssl(
		'x509',
		'-req',
		'-in',
		'server.csr',
		'-CA',
		'ca.crt',
		'-CAkey',
		'ca.key',
		'-CAcreateserial',
		'-days',
		'825',
		'-sha256',
		'-extfile',
		'server.ext',
		'-out',
		'server.crt'
	);
	const cert = join(dir, 'server.crt');
	const spkiDer = new X509Certificate(readFileSync(cert)).publicKey.export({
		type: 'spki',
		format: 'der'
	});
	return {
		dir,
		ca: join(dir, 'ca.crt'),
		cert,
		key: join(dir, 'server.key'),
		spki: createHash('sha256').update(spkiDer).digest('base64')
	};
}
