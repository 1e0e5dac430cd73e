// Hands a generated file to the person as a download (works offline: no server round trip).
export function saveFile(bytes: Uint8Array, filename: string, type = 'application/pdf'): void {
	const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started from the URL; give the browser a moment before letting it go.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
