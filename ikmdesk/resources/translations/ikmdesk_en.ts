<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>ChecklistWidget</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>T/B</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Temuan dan perbaikan</source>
        <translation>Finding and correction</translation>
    </message>
    <message>
        <source>Ke butir yang belum dijawab</source>
        <translation>Go to the next unanswered item</translation>
    </message>
    <message>
        <source>Tidak sesuai: {items}</source>
        <translation>Not conforming: {items}</translation>
    </message>
    <message>
        <source>Ada penyimpangan</source>
        <translation>Deviation found</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Pilih atau mulai pemeriksaan mutu.</source>
        <translation>Choose or start a quality check.</translation>
    </message>
    <message>
        <source>Hasil: {label}</source>
        <translation>Result: {label}</translation>
    </message>
    <message>
        <source>(skor {score:g})</source>
        <translation>(score {score:g})</translation>
    </message>
    <message>
        <source>Perlu dikonfirmasi: aturan atau ambang penilaian ini belum terverifikasi dengan peraturan resmi.</source>
        <translation>To be confirmed: this grading rule or threshold has not been verified against the official regulation.</translation>
    </message>
    <message numerus="yes">
        <source>… dan %n butir lain</source>
        <translation>
            <numerusform>… and %n more item</numerusform>
            <numerusform>… and %n more items</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak sesuai:</source>
        <translation>Not conforming:</translation>
    </message>
    <message>
        <source>Sesuai</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Perlu perbaikan</source>
        <translation>Needs improvement</translation>
    </message>
    <message>
        <source>Tidak sesuai</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Tidak dapat dinilai</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>Keputusan: {outcome}</source>
        <translation>Verdict: {outcome}</translation>
    </message>
    <message>
        <source>Butir kritis tidak sesuai: {items}</source>
        <translation>Critical items not met: {items}</translation>
    </message>
    <message>
        <source>perlu dikonfirmasi</source>
        <translation>to be confirmed</translation>
    </message>
    <message>
        <source>IKM memegang SPP-IRT ({numbers}): kepemilikan izin ini menuntut sarana tetap pada Level II atau lebih baik; saat ini {level}, pertahankan.</source>
        <translation>The enterprise holds an SPP-IRT ({numbers}): holding it requires the facility to stay at Level II or better; it is now at {level}, keep it there.</translation>
    </message>
    <message>
        <source>IKM memegang SPP-IRT ({numbers}), tetapi sarana pada {level}: kepemilikan izin ini menuntut Level II atau lebih baik; perlu perbaikan segera.</source>
        <translation>The enterprise holds an SPP-IRT ({numbers}), but the facility is at {level}: holding it requires Level II or better; prompt corrections are needed.</translation>
    </message>
    <message>
        <source>SPP-IRT IKM ({numbers}) sudah berakhir; sarana mencapai {level}: siap mengajukan SPP-IRT baru.</source>
        <translation>The enterprise&apos;s SPP-IRT ({numbers}) has expired; the facility reached {level}: ready to apply for a new SPP-IRT.</translation>
    </message>
    <message>
        <source>SPP-IRT IKM ({numbers}) sudah berakhir dan sarana pada {level}: belum siap mengajukan SPP-IRT baru.</source>
        <translation>The enterprise&apos;s SPP-IRT ({numbers}) has expired and the facility is at {level}: not yet ready to apply for a new one.</translation>
    </message>
    <message>
        <source>Siap mengajukan SPP-IRT: sarana mencapai {level} (SPP-IRT diberikan untuk Level I–II).</source>
        <translation>Ready to apply for an SPP-IRT: the facility reached {level} (an SPP-IRT is given for Level I–II).</translation>
    </message>
    <message>
        <source>Belum siap mengajukan SPP-IRT: sarana pada {level}; perlu tindakan perbaikan dan pemeriksaan ulang hingga Level II atau lebih baik.</source>
        <translation>Not yet ready to apply for an SPP-IRT: the facility is at {level}; it needs corrective actions and a re-inspection until Level II or better.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Pendampingan</source>
        <translation>Mentoring</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Dukungan sertifikasi</source>
        <translation>Certification support</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>kunjungan bulan ini</source>
        <translation>visits this month</translation>
    </message>
    <message>
        <source>tindak lanjut terlambat</source>
        <translation>follow-ups overdue</translation>
    </message>
    <message>
        <source>tindak lanjut jatuh tempo 7 hari ke depan</source>
        <translation>follow-ups due in the next 7 days</translation>
    </message>
    <message>
        <source>IKM aktif</source>
        <translation>active IKMs</translation>
    </message>
    <message>
        <source>Klik untuk membuka daftar tindak lanjut terlambat</source>
        <translation>Click to open the list of overdue follow-ups</translation>
    </message>
    <message>
        <source>Klik untuk membuka daftar tindak lanjut yang segera jatuh tempo</source>
        <translation>Click to open the list of follow-ups due soon</translation>
    </message>
    <message>
        <source>Kunjungan bulan ini per klaster</source>
        <translation>Visits this month per cluster</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan mutu per klaster, 12 bulan terakhir</source>
        <translation>Quality check results per cluster, last 12 months</translation>
    </message>
    <message>
        <source>Kunjungan terbaru</source>
        <translation>Latest visits</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>kunjungan menunggu tinjauan</source>
        <translation>visits awaiting review</translation>
    </message>
    <message>
        <source>Klik untuk melihat kunjungan yang menunggu tinjauan</source>
        <translation>Click to see the visits awaiting review</translation>
    </message>
    <message>
        <source>izin (P-IRT, halal) sudah berakhir</source>
        <translation>licences (P-IRT, halal) expired</translation>
    </message>
    <message>
        <source>Klik untuk melihat izin yang berakhir</source>
        <translation>Click to see the expired licences</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Tanggal kunjungan</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Berlaku s.d.</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Izin</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Belum ada kunjungan bulan ini.</source>
        <translation>No visits this month yet.</translation>
    </message>
    <message>
        <source>Belum ada pemeriksaan mutu.</source>
        <translation>No quality checks yet.</translation>
    </message>
    <message>
        <source>Mulai dari sini</source>
        <translation>Start here</translation>
    </message>
    <message>
        <source>Basis data ini belum berisi IKM. Langkah pertama, dalam urutan mana pun:</source>
        <translation>This database holds no IKM yet. First steps, in any order:</translation>
    </message>
    <message>
        <source>Tambahkan IKM satu per satu.</source>
        <translation>Add IKMs one by one.</translation>
    </message>
    <message>
        <source>Tambah IKM…</source>
        <translation>Add an IKM…</translation>
    </message>
    <message>
        <source>Atau impor daftar IKM kantor dari berkas Excel (.xlsx) atau .csv.</source>
        <translation>Or import the office&apos;s IKM list from an Excel (.xlsx) or .csv file.</translation>
    </message>
    <message>
        <source>Impor daftar IKM…</source>
        <translation>Import the IKM list…</translation>
    </message>
    <message>
        <source>Tambahkan desa di kecamatan yang Anda dampingi (18 kecamatan sudah ada).</source>
        <translation>Add the desa of the kecamatan you mentor in (the 18 kecamatan are already there).</translation>
    </message>
    <message>
        <source>Buka daftar desa</source>
        <translation>Open the desa list</translation>
    </message>
    <message>
        <source>Tukar kartu kunci dengan kepala seksi atau petugas, lalu kirim dan terima berkas sinkronisasi pertama: data IKM kantor ikut di dalamnya.</source>
        <translation>Exchange key cards with the section head or the officers, then send and receive the first sync file: the office&apos;s IKM data comes with it.</translation>
    </message>
    <message>
        <source>Buka Sinkronisasi</source>
        <translation>Open Sync</translation>
    </message>
    <message>
        <source>Menunggu tinjauan</source>
        <translation>Awaiting review</translation>
    </message>
    <message numerus="yes">
        <source>Izin (%n)</source>
        <translation>
            <numerusform>Licences (%n)</numerusform>
            <numerusform>Licences (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… dan %n lagi (halaman Kunjungan, status Menunggu tinjauan).</source>
        <translation>
            <numerusform>… and %n more (Visits page, status Awaiting review).</numerusform>
            <numerusform>… and %n more (Visits page, status Awaiting review).</numerusform>
        </translation>
    </message>
    <message>
        <source>Risiko stagnasi</source>
        <translation>Stagnation risk</translation>
    </message>
    <message>
        <source>Menunggu sejak</source>
        <translation>Waiting since</translation>
    </message>
    <message numerus="yes">
        <source>Menunggu tinjauan (%n)</source>
        <translation>
            <numerusform>Awaiting review (%n)</numerusform>
            <numerusform>Awaiting review (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tindak lanjut (%n)</source>
        <translation>
            <numerusform>Follow-ups (%n)</numerusform>
            <numerusform>Follow-ups (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Risiko stagnasi (%n)</source>
        <translation>
            <numerusform>Stagnation risk (%n)</numerusform>
            <numerusform>Stagnation risk (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} · data {file}</source>
        <translation>{date} · data {file}</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Memenuhi</source>
        <translation>Meets the standard</translation>
    </message>
    <message>
        <source>Perlu perbaikan</source>
        <translation>Needs improvement</translation>
    </message>
    <message>
        <source>Belum dinilai</source>
        <translation>Not assessed</translation>
    </message>
    <message numerus="yes">
        <source>Terlambat (%n)</source>
        <translation>
            <numerusform>Overdue (%n)</numerusform>
            <numerusform>Overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jatuh tempo 7 hari ke depan (%n)</source>
        <translation>
            <numerusform>Due in the next 7 days (%n)</numerusform>
            <numerusform>Due in the next 7 days (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada.</source>
        <translation>None.</translation>
    </message>
    <message numerus="yes">
        <source>{date} (%n hari lalu)</source>
        <translation>
            <numerusform>{date} (%n day ago)</numerusform>
            <numerusform>{date} (%n days ago)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tekan Enter atau klik dua kali untuk membuka kunjungannya.</source>
        <translation>Press Enter or double-click to open its visit.</translation>
    </message>
    <message>
        <source>Belum ada kunjungan.</source>
        <translation>No visits yet.</translation>
    </message>
    <message numerus="yes">
        <source>{date} (%n hari)</source>
        <translation>
            <numerusform>{date} (%n day)</numerusform>
            <numerusform>{date} (%n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>petugas tidak dikenal</source>
        <translation>unknown officer</translation>
    </message>
    <message>
        <source>Tidak ada kunjungan yang menunggu tinjauan.</source>
        <translation>No visit is awaiting review.</translation>
    </message>
    <message numerus="yes">
        <source>Sudah berakhir (%n)</source>
        <translation>
            <numerusform>Expired (%n)</numerusform>
            <numerusform>Expired (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Berakhir tahun ini atau tahun depan (%n)</source>
        <translation>
            <numerusform>Expiring this year or next (%n)</numerusform>
            <numerusform>Expiring this year or next (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… dan %n lagi</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>P-IRT {number} ({product})</source>
        <translation>P-IRT {number} ({product})</translation>
    </message>
    <message>
        <source>Sertifikat halal {number}</source>
        <translation>Halal certificate {number}</translation>
    </message>
    <message>
        <source>Sertifikat halal</source>
        <translation>Halal certificate</translation>
    </message>
    <message>
        <source>Tekan Enter atau klik dua kali untuk membuka IKM-nya.</source>
        <translation>Press Enter or double-click to open its IKM.</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Tidak ada IKM yang berisiko stagnasi.</source>
        <translation>No IKM is at risk of stagnation.</translation>
    </message>
    <message>
        <source>belum pernah dikunjungi</source>
        <translation>never visited</translation>
    </message>
</context>
<context>
    <name>DatabasePlaceForm</name>
    <message>
        <source>Di komputer ini (untuk petugas dan satu penyelia)</source>
        <translation>On this computer (for officers and a single supervisor)</translation>
    </message>
    <message>
        <source>Di &amp;server kantor (PostgreSQL, dipakai beberapa penyelia bersama)</source>
        <translation>On the office &amp;server (PostgreSQL, shared by several supervisors)</translation>
    </message>
    <message>
        <source>Alamat dari pengelola server. Sandi sebaiknya disimpan di berkas pgpass, bukan di alamat ini.</source>
        <translation>The address from whoever runs the server. Keep the password in a pgpass file, not in this address.</translation>
    </message>
    <message>
        <source>&amp;Uji sambungan</source>
        <translation>&amp;Test connection</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Pilih tanggal</source>
        <translation>Choose a date</translation>
    </message>
    <message>
        <source>Tanggal tidak terbaca. Tulis hari-bulan-tahun, misalnya {example}.</source>
        <translation>Date not readable. Write day-month-year, for example {example}.</translation>
    </message>
    <message>
        <source>Isi tanggal atau pilih di kalender.</source>
        <translation>Enter a date or choose it in the calendar.</translation>
    </message>
</context>
<context>
    <name>DesaWidget</name>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKMs</translation>
    </message>
    <message>
        <source>Desa baru:</source>
        <translation>New desa:</translation>
    </message>
    <message>
        <source>Ubah nama:</source>
        <translation>Rename:</translation>
    </message>
    <message>
        <source>Ketik nama desa, lalu Enter</source>
        <translation>Type the desa name, then Enter</translation>
    </message>
    <message>
        <source>Tambah desa</source>
        <translation>Add desa</translation>
    </message>
    <message>
        <source>Simpan nama</source>
        <translation>Save name</translation>
    </message>
    <message>
        <source>Desa yang ditambahkan atau diubah di sini ikut dalam berkas sinkronisasi berikutnya untuk para petugas.</source>
        <translation>Desa added or changed here go with the next sync file for the officers.</translation>
    </message>
    <message>
        <source>Desa yang Anda tambahkan ikut dalam berkas sinkronisasi berikutnya ke kepala seksi, yang meneruskannya ke petugas lain. Anda dapat mengubah nama desa yang ditambahkan di laptop ini; desa lain hanya diubah oleh kepala seksi.</source>
        <translation>The desa you add go with your next sync file to the section head, who passes them on to the other officers. You can rename the desa added on this laptop; other desa are changed only by the section head.</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n desa)</source>
        <translation>
            <numerusform>{name} (%n desa)</numerusform>
            <numerusform>{name} (%n desa)</numerusform>
        </translation>
    </message>
    <message>
        <source>Desa di kecamatan {name}</source>
        <translation>Desa in kecamatan {name}</translation>
    </message>
    <message>
        <source>Ditambahkan di perangkat lain; hanya kepala seksi mengubahnya.</source>
        <translation>Added on another device; only the section head changes it.</translation>
    </message>
    <message>
        <source>Belum ada desa di kecamatan ini. Ketik nama desa di bawah lalu Enter.</source>
        <translation>No desa in this kecamatan yet. Type a desa name below, then Enter.</translation>
    </message>
    <message>
        <source>Pilih desa di daftar untuk mengubah namanya.</source>
        <translation>Pick a desa in the list to rename it.</translation>
    </message>
    <message>
        <source>Desa {name} ditambahkan di perangkat lain: hanya kepala seksi yang dapat mengubah namanya.</source>
        <translation>Desa {name} was added on another device: only the section head can rename it.</translation>
    </message>
    <message>
        <source>✓ Tersimpan</source>
        <translation>✓ Saved</translation>
    </message>
</context>
<context>
    <name>DiagnosisDialog</name>
    <message>
        <source>Tanggal diagnosis</source>
        <translation>Diagnosis date</translation>
    </message>
    <message>
        <source>%1 (dari data)</source>
        <translation>%1 (from records)</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>DuplicatePairModel</name>
    <message>
        <source>IKM pertama</source>
        <translation>First IKM</translation>
    </message>
    <message>
        <source>IKM kedua</source>
        <translation>Second IKM</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Kemiripan nama</source>
        <translation>Name similarity</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>IKM ganda</source>
        <translation>Duplicate IKMs</translation>
    </message>
    <message>
        <source>IKM yang mungkin sama (didaftarkan dua kali, mis. oleh dua petugas). Yang di kiri dipertahankan; semua kunjungan, produk, tindak lanjut dan foto dari yang di kanan dipindahkan ke sana.</source>
        <translation>IKMs that may be the same (registered twice, e.g. by two officers). The one on the left is kept; every visit, product, follow-up and photo of the one on the right moves to it.</translation>
    </message>
    <message>
        <source>Dipertahankan</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Digabungkan lalu dihapus</source>
        <translation>Merged, then removed</translation>
    </message>
    <message>
        <source>Tukar kiri–kanan</source>
        <translation>Swap left–right</translation>
    </message>
    <message>
        <source>Gabungkan</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Bukan duplikat</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>IKM duplikat</source>
        <translation>Duplicate IKMs</translation>
    </message>
    <message>
        <source>Membandingkan nama, NIB dan nomor HP IKM…</source>
        <translation>Comparing IKM names, NIBs and phone numbers…</translation>
    </message>
    <message>
        <source>Pencarian dibatalkan; tekan Muat ulang untuk mencari lagi.</source>
        <translation>Search cancelled; press Reload to search again.</translation>
    </message>
    <message numerus="yes">
        <source>%n pasangan</source>
        <translation>
            <numerusform>%n pair</numerusform>
            <numerusform>%n pairs</numerusform>
        </translation>
    </message>
    <message>
        <source>Gabungkan “{drop}” ke “{keep}”? {visits} kunjungan dan {products} produk dipindahkan, lalu “{drop}” dihapus dari daftar.</source>
        <translation>Merge “{drop}” into “{keep}”? {visits} visits and {products} products are moved, then “{drop}” is removed from the list.</translation>
    </message>
    <message>
        <source>Gabungkan IKM</source>
        <translation>Merge IKMs</translation>
    </message>
</context>
<context>
    <name>EnterpriseEditor</name>
    <message>
        <source>Nama pemilik</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <source>NIK pemilik</source>
        <translation>Owner NIK</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Nama IKM</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lintang (GPS)</source>
        <translation>Latitude (GPS)</translation>
    </message>
    <message>
        <source>Bujur (GPS)</source>
        <translation>Longitude (GPS)</translation>
    </message>
    <message>
        <source>Skala usaha</source>
        <translation>Business scale</translation>
    </message>
    <message>
        <source>NIB</source>
        <translation>NIB</translation>
    </message>
    <message>
        <source>KBLI</source>
        <translation>KBLI</translation>
    </message>
    <message>
        <source>Jumlah pekerja</source>
        <translation>Number of workers</translation>
    </message>
    <message>
        <source>Kapasitas produksi</source>
        <translation>Production capacity</translation>
    </message>
    <message>
        <source>Status halal</source>
        <translation>Halal status</translation>
    </message>
    <message>
        <source>Jalur halal</source>
        <translation>Halal route</translation>
    </message>
    <message>
        <source>Nomor sertifikat halal</source>
        <translation>Halal certificate number</translation>
    </message>
    <message>
        <source>Halal terbit</source>
        <translation>Halal issued on</translation>
    </message>
    <message>
        <source>Halal berlaku s.d.</source>
        <translation>Halal valid until</translation>
    </message>
    <message>
        <source>Nomor sertifikat PKP</source>
        <translation>PKP certificate number</translation>
    </message>
    <message>
        <source>Tanggal sertifikat PKP</source>
        <translation>PKP certificate date</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Produk dan P-IRT</source>
        <translation>Products and P-IRT</translation>
    </message>
    <message>
        <source>Riwayat kunjungan dan mutu</source>
        <translation>Visit and quality history</translation>
    </message>
    <message>
        <source>Kembali ke daftar</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Kunjungan baru</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Cetak laporan</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Hapus IKM</source>
        <translation>Delete IKM</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Kunjungan (klik dua kali untuk membuka)</source>
        <translation>Visits (double-click to open)</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Perkembangan mutu</source>
        <translation>Quality over time</translation>
    </message>
    <message>
        <source>Daftar periksa</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Data IKM ini berubah dan belum disimpan. Simpan perubahan itu?</source>
        <translation>This enterprise&apos;s data changed and is not saved. Save the changes?</translation>
    </message>
    <message>
        <source>Tulis nama IKM.</source>
        <translation>Enter the enterprise&apos;s name.</translation>
    </message>
    <message>
        <source>Pilih kecamatan.</source>
        <translation>Choose a district (kecamatan).</translation>
    </message>
    <message>
        <source>Pilih klaster.</source>
        <translation>Choose a cluster.</translation>
    </message>
    <message>
        <source>Tulis angka desimal, contoh -0.5123 atau 117.4567.</source>
        <translation>Write a decimal number, e.g. -0.5123 or 117.4567.</translation>
    </message>
    <message>
        <source>— pilih kecamatan —</source>
        <translation>— choose kecamatan —</translation>
    </message>
    <message>
        <source>— pilih klaster —</source>
        <translation>— choose cluster —</translation>
    </message>
    <message>
        <source>Mikro</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Kecil</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>Menengah</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Belum ada</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Sedang diproses</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>Bersertifikat</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>Pernyataan mandiri</source>
        <translation>Self-declaration</translation>
    </message>
    <message>
        <source>Reguler</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>IKM baru</source>
        <translation>New IKM</translation>
    </message>
    <message>
        <source>{name} — {kecamatan}</source>
        <translation>{name} — {kecamatan}</translation>
    </message>
    <message>
        <source>Semua produk</source>
        <translation>All products</translation>
    </message>
    <message>
        <source>{label} (perlu dikonfirmasi)</source>
        <translation>{label} (to be confirmed)</translation>
    </message>
    <message>
        <source>Hapus IKM {name} beserta produknya?</source>
        <translation>Delete IKM {name} with its products?</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <source>IKM binaan</source>
        <translation>Mentored IKMs</translation>
    </message>
    <message>
        <source>Cari nama IKM, pemilik atau desa…</source>
        <translation>Search IKM name, owner or village…</translation>
    </message>
    <message>
        <source>Tambah IKM</source>
        <translation>Add IKM</translation>
    </message>
    <message>
        <source>Semua klaster</source>
        <translation>All clusters</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message>
        <source>Semua izin</source>
        <translation>All licences</translation>
    </message>
    <message>
        <source>P-IRT segera berakhir</source>
        <translation>P-IRT expiring soon</translation>
    </message>
    <message>
        <source>P-IRT sudah berakhir</source>
        <translation>P-IRT expired</translation>
    </message>
    <message>
        <source>Punya P-IRT</source>
        <translation>Has a P-IRT</translation>
    </message>
    <message>
        <source>Belum punya P-IRT</source>
        <translation>No P-IRT yet</translation>
    </message>
    <message>
        <source>Bersertifikat halal</source>
        <translation>Halal certified</translation>
    </message>
    <message>
        <source>Halal sedang diproses</source>
        <translation>Halal in process</translation>
    </message>
    <message>
        <source>Belum halal</source>
        <translation>Not halal certified</translation>
    </message>
    <message>
        <source>Sertifikat halal berakhir</source>
        <translation>Halal certificate expired</translation>
    </message>
    <message>
        <source>Belum punya NIB</source>
        <translation>No NIB yet</translation>
    </message>
    <message numerus="yes">
        <source>%n IKM</source>
        <translation>
            <numerusform>%n IKM</numerusform>
            <numerusform>%n IKMs</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada IKM</source>
        <translation>No IKMs</translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tidak aktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Nama IKM</source>
        <translation>IKM name</translation>
    </message>
    <message>
        <source>Pemilik</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Products</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Wajib diisi.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>* wajib diisi</source>
        <translation>* required</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Ubah tindak lanjut</source>
        <translation>Edit follow-up</translation>
    </message>
    <message>
        <source>Tindak lanjut baru</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>mis. pasang kasa pada jendela ruang produksi</source>
        <translation>e.g. fit insect screens to the production room windows</translation>
    </message>
    <message>
        <source>mis. pemilik IKM, petugas pendamping</source>
        <translation>e.g. IKM owner, mentoring officer</translation>
    </message>
    <message>
        <source>Belum selesai</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Sudah selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>mis. sudah dicek saat kunjungan berikut</source>
        <translation>e.g. checked at the next visit</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kunjungan:</source>
        <translation>Visit:</translation>
    </message>
    <message>
        <source>Tindakan:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Penanggung jawab:</source>
        <translation>Responsible:</translation>
    </message>
    <message>
        <source>Tenggat:</source>
        <translation>Deadline:</translation>
    </message>
    <message>
        <source>Keadaan:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Tanggal selesai:</source>
        <translation>Done on:</translation>
    </message>
    <message>
        <source>Catatan selesai:</source>
        <translation>Completion note:</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>&amp;Tampilkan:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>Belum selesai</source>
        <translation>Not done yet</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Jatuh tempo 7 hari ke depan</source>
        <translation>Due in the next 7 days</translation>
    </message>
    <message>
        <source>Sudah selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Cari IKM, tindakan atau penanggung jawab…</source>
        <translation>Search IKM, action or person responsible…</translation>
    </message>
    <message>
        <source>&amp;Tambah…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Tindak lanjut baru untuk kunjungan mana pun (mula-mula: kunjungan terpilih).</source>
        <translation>New follow-up for any visit (starts with the selected one&apos;s visit).</translation>
    </message>
    <message>
        <source>&amp;Ubah…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Tandai &amp;selesai…</source>
        <translation>Mark &amp;done…</translation>
    </message>
    <message>
        <source>&amp;Buka lagi</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <source>Hapus tanda selesai: tindak lanjut belum beres.</source>
        <translation>Remove the done mark: the follow-up is not finished.</translation>
    </message>
    <message>
        <source>Buka &amp;kunjungan</source>
        <translation>Open &amp;visit</translation>
    </message>
    <message numerus="yes">
        <source>%n tindak lanjut</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message>
        <source>Buka lagi</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Tandai tindak lanjut ini belum selesai? Tanggal dan catatan selesai dihapus.</source>
        <translation>Mark this follow-up as not done? The completion date and note are removed.</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>Tenggat</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Penanggung jawab</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Catatan selesai</source>
        <translation>Completion note</translation>
    </message>
    <message>
        <source>Belum jatuh tempo</source>
        <translation>Not due yet</translation>
    </message>
    <message>
        <source>Segera jatuh tempo</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>GuidanceDialog</name>
    <message>
        <source>Lembar panduan</source>
        <translation>Guidance sheets</translation>
    </message>
    <message>
        <source>(tanpa topik)</source>
        <translation>(no topic)</translation>
    </message>
    <message>
        <source>(tanpa butir daftar periksa)</source>
        <translation>(no checklist item)</translation>
    </message>
    <message>
        <source>Simpan lembar</source>
        <translation>Save sheet</translation>
    </message>
    <message>
        <source>Lembar baru</source>
        <translation>New sheet</translation>
    </message>
    <message>
        <source>Hapus lembar…</source>
        <translation>Remove sheet…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Topik katalog</source>
        <translation>Catalogue topic</translation>
    </message>
    <message>
        <source>Daftar periksa</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Butir</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Apa yang harus dilakukan</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Lembar panduan diubah oleh atasan; sampai ke sini lewat sinkronisasi.</source>
        <translation>Guidance sheets are changed by the supervisor; they reach this laptop through sync.</translation>
    </message>
    <message>
        <source>teks awal, perlu ditinjau</source>
        <translation>starter text, to be reviewed</translation>
    </message>
    <message>
        <source>%1, butir %2</source>
        <translation>%1, item %2</translation>
    </message>
    <message>
        <source>Topik: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <source>Lembar panduan ini berubah dan belum disimpan. Simpan perubahan itu?</source>
        <translation>This guidance sheet has changed and is not saved. Save the changes?</translation>
    </message>
    <message>
        <source>Teks awal yang dikirim bersama IKMDesk, disusun dari rujukan standar. Kantor perlu meninjaunya; setelah disimpan, teks ini menjadi teks kantor.</source>
        <translation>Starter text shipped with IKMDesk, written from the standards reference. The office needs to review it; once saved, it becomes the office&apos;s text.</translation>
    </message>
    <message>
        <source>Teks awal yang dikirim bersama IKMDesk; belum ditinjau kantor.</source>
        <translation>Starter text shipped with IKMDesk; not yet reviewed by the office.</translation>
    </message>
    <message>
        <source>Lembar baru dari kantor: pilih topik dan/atau butir, lalu tulis isinya.</source>
        <translation>New sheet from the office: choose a topic and/or an item, then write it.</translation>
    </message>
    <message>
        <source>Hapus lembar panduan</source>
        <translation>Remove guidance sheet</translation>
    </message>
    <message>
        <source>Hapus lembar panduan &quot;{title}&quot;? Lembar ini juga hilang di perangkat petugas setelah sinkronisasi.</source>
        <translation>Remove the guidance sheet &quot;{title}&quot;? It also disappears from the officers&apos; devices after sync.</translation>
    </message>
    <message>
        <source>(pilih butir)</source>
        <translation>(choose an item)</translation>
    </message>
</context>
<context>
    <name>HandoutPrint</name>
    <message>
        <source>Lembar Pendampingan</source>
        <translation>Mentoring sheet (Lembar Pendampingan)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Nama IKM</source>
        <translation>IKM name</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Butir kritis</source>
        <translation>Critical item</translation>
    </message>
    <message>
        <source>Batas: {limit}</source>
        <translation>Limit: {limit}</translation>
    </message>
    <message>
        <source>Sumber: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>perlu dikonfirmasi</source>
        <translation>to be confirmed</translation>
    </message>
    <message>
        <source>Butir ini selalu berlaku: &quot;tidak berlaku&quot; tidak dapat dipilih.</source>
        <translation>This item always applies: &quot;not applicable&quot; cannot be chosen.</translation>
    </message>
    <message>
        <source>Panduan</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>Buka lembar panduan: apa yang harus dilakukan</source>
        <translation>Open the guidance sheet: what to do</translation>
    </message>
</context>
<context>
    <name>KeyCardWidget</name>
    <message>
        <source>Kartu kunci</source>
        <translation>Key cards</translation>
    </message>
    <message>
        <source>Tukar kartu kunci sekali dengan kepala seksi atau petugas: sesudahnya paket dikunci untuk perangkat tujuan, tanpa kata sandi.</source>
        <translation>Exchange key cards once with the section head or an officer: after that, packages are locked for the receiving device, without a passphrase.</translation>
    </message>
    <message>
        <source>Simpan kartu kunci perangkat ini…</source>
        <translation>Save this device&apos;s key card…</translation>
    </message>
    <message>
        <source>Impor kartu kunci…</source>
        <translation>Import a key card…</translation>
    </message>
    <message>
        <source>Perangkat yang dipercaya</source>
        <translation>Trusted devices</translation>
    </message>
    <message>
        <source>Cabut kunci…</source>
        <translation>Revoke key…</translation>
    </message>
    <message>
        <source>Untuk laptop yang hilang atau dicuri: paket dari kunci itu akan ditolak.</source>
        <translation>For a lost or stolen laptop: packages signed with that key will be refused.</translation>
    </message>
    <message>
        <source>Dipercaya:</source>
        <translation>Trusted:</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Sidik jari {fingerprint}</source>
        <translation>Fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>(belum ada perangkat yang dipercaya)</source>
        <translation>(no trusted devices yet)</translation>
    </message>
    <message>
        <source>Cabut kunci {name} ({role}), sidik jari {fingerprint}?

Lakukan ini bila laptop perangkat itu hilang atau dicuri. Paket yang ditandatangani kunci ini akan ditolak mulai sekarang, dan perangkat itu tidak dapat dipercaya lagi; data yang sudah diterima darinya tetap ada. Petugasnya perlu menyiapkan perangkat baru dan mengirim kartu kunci barunya.</source>
        <translation>Revoke the key of {name} ({role}), fingerprint {fingerprint}?

Do this when that device&apos;s laptop is lost or stolen. Packages signed with this key will be refused from now on, and the device cannot be trusted again; the data already received from it stays. Its officer needs to set up a new device and send its new key card.</translation>
    </message>
    <message>
        <source>Cabut kunci perangkat</source>
        <translation>Revoke device key</translation>
    </message>
    <message>
        <source>Kunci {name} ({role}) dicabut. Paket dari kunci itu akan ditolak mulai sekarang.</source>
        <translation>The key of {name} ({role}) is revoked. Packages signed with that key will be refused from now on.</translation>
    </message>
    <message>
        <source>Simpan kartu kunci</source>
        <translation>Save key card</translation>
    </message>
    <message>
        <source>Kartu kunci IKMDesk (*.json)</source>
        <translation>IKMDesk key card (*.json)</translation>
    </message>
    <message>
        <source>Kartu kunci disimpan: {file}. Sidik jari: {fingerprint}. Bacakan sidik jari ini kepada penerima kartu agar dicocokkan.</source>
        <translation>Key card saved: {file}. Fingerprint: {fingerprint}. Read this fingerprint out to whoever receives the card, so they can compare it.</translation>
    </message>
    <message>
        <source>Pilih kartu kunci</source>
        <translation>Choose a key card</translation>
    </message>
    <message>
        <source>{name} ({role}) sudah dipercaya. Sidik jari: {fingerprint}.</source>
        <translation>{name} ({role}) is already trusted. Fingerprint: {fingerprint}.</translation>
    </message>
    <message>
        <source>Kartu kunci {file}</source>
        <translation>Key card {file}</translation>
    </message>
    <message>
        <source>Kartu kunci {file} tidak dipercaya; tidak ada yang berubah.</source>
        <translation>Key card {file} not trusted; nothing was changed.</translation>
    </message>
    <message>
        <source>{name} ({role}) kini dipercaya. Sidik jari: {fingerprint}.</source>
        <translation>{name} ({role}) is now trusted. Fingerprint: {fingerprint}.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Membuat data demo</source>
        <translation>Building demo data</translation>
    </message>
    <message>
        <source>Membuat basis data demo baru di folder sementara…</source>
        <translation>Building a new demo database in a temporary folder…</translation>
    </message>
</context>
<context>
    <name>LetterheadForm</name>
    <message>
        <source>Nama &amp;kantor:</source>
        <translation>&amp;Office name:</translation>
    </message>
    <message>
        <source>&amp;Alamat:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Kota (tempat tanda tangan):</source>
        <translation>&amp;City (place of signing):</translation>
    </message>
    <message>
        <source>&amp;Telepon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>Satu baris per baris kop surat, dari atas: pemerintah, lalu dinas.</source>
        <translation>One line per letterhead line, from the top: government, then office.</translation>
    </message>
    <message>
        <source>Pilih gambar…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>Tanpa logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Berkas itu bukan gambar PNG/JPEG yang dapat dibaca (maks. 2 MB).</source>
        <translation>That file is not a readable PNG/JPEG image (max. 2 MB).</translation>
    </message>
    <message>
        <source>Pilih logo kantor</source>
        <translation>Choose the office logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>LogbookDialog</name>
    <message>
        <source>Logbook kunjungan program</source>
        <translation>Programme visit logbook</translation>
    </message>
    <message>
        <source>Tidak ada mitra hadir</source>
        <translation>No partner present</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Topik yang diajarkan</source>
        <translation>Topics taught</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Lama (jam)</source>
        <translation>Duration (hours)</translation>
    </message>
    <message>
        <source>Pekerja yang didampingi</source>
        <translation>Workers reached</translation>
    </message>
    <message>
        <source>Mitra hadir</source>
        <translation>Partner present</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKMs</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Kunjungan &amp;baru</source>
        <translation>&amp;New visit</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Data kantor</source>
        <translation>Office data</translation>
    </message>
    <message>
        <source>IKM ganda</source>
        <translation>Duplicate IKMs</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Cadangkan basis data ke folder…</source>
        <translation>Back up the database to a folder…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Muat ulang data</source>
        <translation>&amp;Reload data</translation>
    </message>
    <message>
        <source>Pintasan papan ketik</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Tentang IKMDesk</source>
        <translation>About IKMDesk</translation>
    </message>
    <message>
        <source>IKMDesk — DATA DEMO (dihapus saat ditutup)</source>
        <translation>IKMDesk — DEMO DATA (deleted on close)</translation>
    </message>
    <message>
        <source>DEMO: data contoh di folder sementara, dihapus saat aplikasi ditutup.</source>
        <translation>DEMO: sample data in a temporary folder, deleted when the application closes.</translation>
    </message>
    <message>
        <source>IKMDesk — {file}</source>
        <translation>IKMDesk — {file}</translation>
    </message>
    <message>
        <source>&amp;Baru di halaman ini</source>
        <translation>&amp;New on this page</translation>
    </message>
    <message>
        <source>Halaman ini belum dapat membuat data baru.</source>
        <translation>This page cannot create new records yet.</translation>
    </message>
    <message>
        <source>Petugas: belum disiapkan</source>
        <translation>Officer: not set up yet</translation>
    </message>
    <message>
        <source>penyelia</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>petugas</source>
        <translation>officer</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Data: {file}</source>
        <translation>Data: {file}</translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <source>Sinkronisasi terakhir: belum pernah</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <source>Cadangkan basis data</source>
        <translation>Back up the database</translation>
    </message>
    <message>
        <source>Pilih folder untuk cadangan</source>
        <translation>Choose a folder for the backup</translation>
    </message>
    <message>
        <source>Mencadangkan basis data</source>
        <translation>Backing up the database</translation>
    </message>
    <message>
        <source>Cadangan selesai</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>Cadangan tersimpan di {path}</source>
        <translation>The backup was saved as {path}</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Ganti semua data di {file} dengan cadangan {backup}? Data yang sekarang disimpan dulu sebagai cadangan, jadi dapat dikembalikan.</source>
        <translation>Replace all data in {file} with the backup {backup}? The current data is backed up first, so it can be brought back.</translation>
    </message>
    <message>
        <source>Ada perubahan yang belum disimpan. Buang perubahan itu dan lanjutkan?</source>
        <translation>There are unsaved changes. Discard them and continue?</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan.</source>
        <translation>Backup restored.</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Ctrl+N  Kunjungan baru (atau data baru di halaman ini)</source>
        <translation>Ctrl+N  New visit (or a new record on this page)</translation>
    </message>
    <message>
        <source>Ctrl+S  Simpan</source>
        <translation>Ctrl+S  Save</translation>
    </message>
    <message>
        <source>Ctrl+F  Cari</source>
        <translation>Ctrl+F  Find</translation>
    </message>
    <message>
        <source>F5  Muat ulang data</source>
        <translation>F5  Reload data</translation>
    </message>
    <message>
        <source>Ctrl+Q  Keluar</source>
        <translation>Ctrl+Q  Quit</translation>
    </message>
    <message>
        <source>IKMDesk {version}
Pendampingan IKM pangan tanpa internet: kunjungan, pemeriksaan mutu, laporan PDF dan sinkronisasi lewat flashdisk.</source>
        <translation>IKMDesk {version}
Offline mentoring of small food industries: visits, quality checks, PDF reports and sync by USB stick.</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+9  Pindah halaman</source>
        <translation>Ctrl+1 … Ctrl+9  Go to a page</translation>
    </message>
    <message>
        <source>Ada perubahan yang belum disimpan. Tutup aplikasi dan buang perubahan itu?</source>
        <translation>There are unsaved changes. Close the application and discard them?</translation>
    </message>
    <message>
        <source>Menunggu pekerjaan yang sedang berjalan…</source>
        <translation>Waiting for running work to finish…</translation>
    </message>
</context>
<context>
    <name>MarkDoneDialog</name>
    <message>
        <source>Tandai selesai</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>{enterprise}: {action}</source>
        <translation>{enterprise}: {action}</translation>
    </message>
    <message>
        <source>mis. rak sudah dipasang, dicek saat kunjungan</source>
        <translation>e.g. shelf installed, checked during the visit</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tanggal selesai:</source>
        <translation>Done on:</translation>
    </message>
    <message>
        <source>Catatan:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>OfficeDataPage</name>
    <message>
        <source>Buat baru</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Perbarui</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Lewati</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>saat keluar</source>
        <translation>on exit</translation>
    </message>
    <message>
        <source>sebelum impor</source>
        <translation>before import</translation>
    </message>
    <message>
        <source>sebelum pembaruan skema</source>
        <translation>before schema upgrade</translation>
    </message>
    <message>
        <source>sebelum pemulihan</source>
        <translation>before restore</translation>
    </message>
    <message>
        <source>berkas rusak</source>
        <translation>damaged file</translation>
    </message>
    <message>
        <source>Daftar IKM dan izin</source>
        <translation>IKM list and licences</translation>
    </message>
    <message>
        <source>Lembar SIINas/KBLI</source>
        <translation>SIINas/KBLI sheet</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan mutu</source>
        <translation>Quality check results</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Data kantor</source>
        <translation>Office data</translation>
    </message>
    <message>
        <source>Impor daftar IKM</source>
        <translation>Import IKM list</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Belum ada berkas (.xlsx atau .csv).</source>
        <translation>No file yet (.xlsx or .csv).</translation>
    </message>
    <message>
        <source>Lembar:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Kolom di berkas</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Muat pemetaan…</source>
        <translation>Load mapping…</translation>
    </message>
    <message>
        <source>Simpan pemetaan…</source>
        <translation>Save mapping…</translation>
    </message>
    <message>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Ekspor:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>Klaster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Cari teks:</source>
        <translation>Search text:</translation>
    </message>
    <message>
        <source>Tanggal kunjungan:</source>
        <translation>Visit date:</translation>
    </message>
    <message>
        <source>hanya rentang</source>
        <translation>only the range</translation>
    </message>
    <message>
        <source>Sertakan NIK (data pribadi)</source>
        <translation>Include NIK (personal data)</translation>
    </message>
    <message>
        <source>Ekspor ke berkas…</source>
        <translation>Export to file…</translation>
    </message>
    <message>
        <source>Berkas .xlsx dapat langsung dibuka di Excel. Berkas .csv memakai koma dan UTF-8; di Excel berbahasa Indonesia buka lewat Data &gt; Dari Teks/CSV. NIK tidak ikut kecuali dicentang.</source>
        <translation>An .xlsx file opens directly in Excel. A .csv file uses commas and UTF-8; in an Indonesian-language Excel open it through Data &gt; From Text/CSV. NIK is left out unless ticked.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Cadangkan ke flashdisk…</source>
        <translation>Back up to USB stick…</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Pulihkan dari berkas…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <source>Cadangan otomatis dibuat saat keluar dan sebelum impor; disimpan 10 terakhir ditambah satu per bulan. Memulihkan mengganti data sekarang (yang sekarang disimpan dulu sebagai cadangan).</source>
        <translation>Automatic backups are made on exit and before imports; the last 10 are kept plus one per month. Restoring replaces the current data (which is backed up first).</translation>
    </message>
    <message>
        <source>Membaca baris {count} (paling banyak {limit})…</source>
        <translation>Reading row {count} (at most {limit})…</translation>
    </message>
    <message>
        <source>Membaca daftar IKM</source>
        <translation>Reading the IKM list</translation>
    </message>
    <message>
        <source>Mengekspor</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>(tidak dipakai)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>Kolom {letter}: {header}</source>
        <translation>Column {letter}: {header}</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tidak aktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Belum selesai</source>
        <translation>Not done yet</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sudah selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Semua klaster</source>
        <translation>All clusters</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message>
        <source>Pilih daftar IKM</source>
        <translation>Choose the IKM list</translation>
    </message>
    <message>
        <source>Lembar kerja (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>{path}: judul kolom di baris {row}, %n baris data</source>
        <translation>
            <numerusform>{path}: column headings on row {row}, %n data row</numerusform>
            <numerusform>{path}: column headings on row {row}, %n data rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Periksa pemetaan kolom lalu tekan Pratinjau.</source>
        <translation>Check the column mapping, then press Preview.</translation>
    </message>
    <message>
        <source>{create} baru, {update} diperbarui, {skip} dilewati</source>
        <translation>{create} new, {update} updated, {skip} skipped</translation>
    </message>
    <message>
        <source>Muat pemetaan kolom</source>
        <translation>Load column mapping</translation>
    </message>
    <message>
        <source>Pemetaan kolom (*.json)</source>
        <translation>Column mapping (*.json)</translation>
    </message>
    <message>
        <source>Simpan pemetaan kolom</source>
        <translation>Save column mapping</translation>
    </message>
    <message>
        <source>Impor {create} IKM baru dan perbarui {update} IKM? Basis data dicadangkan dulu.</source>
        <translation>Import {create} new IKMs and update {update} IKMs? The database is backed up first.</translation>
    </message>
    <message>
        <source>Mengimpor daftar IKM</source>
        <translation>Importing the IKM list</translation>
    </message>
    <message>
        <source>{created} IKM baru, {updated} diperbarui, {products} produk baru, {desa} desa baru.</source>
        <translation>{created} new IKMs, {updated} updated, {products} new products, {desa} new villages.</translation>
    </message>
    <message>
        <source>Baris {row} gagal: {message}</source>
        <translation>Row {row} failed: {message}</translation>
    </message>
    <message>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>Simpan ekspor</source>
        <translation>Save export</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message numerus="yes">
        <source>%n baris ditulis ke {path}</source>
        <translation>
            <numerusform>%n row written to {path}</numerusform>
            <numerusform>%n rows written to {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Pilih flashdisk atau folder cadangan</source>
        <translation>Choose a USB stick or backup folder</translation>
    </message>
    <message>
        <source>Mencadangkan ke flashdisk</source>
        <translation>Backing up to USB stick</translation>
    </message>
    <message>
        <source>Cadangan selesai</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>Cadangan tersimpan dan sudah diperiksa: {path}</source>
        <translation>Backup saved and checked: {path}</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Basis data IKMDesk (*.db)</source>
        <translation>IKMDesk database (*.db)</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Tutup IKMDesk, lalu jalankan:
ikmdesk restore --db &quot;{db}&quot; --from &quot;{file}&quot;</source>
        <translation>Close IKMDesk, then run:
ikmdesk restore --db &quot;{db}&quot; --from &quot;{file}&quot;</translation>
    </message>
</context>
<context>
    <name>OfficerForm</name>
    <message>
        <source>Petugas pendamping</source>
        <translation>Field officer</translation>
    </message>
    <message>
        <source>Penyelia (kepala seksi/bidang)</source>
        <translation>Supervisor (section/division head)</translation>
    </message>
    <message>
        <source>&amp;Peran:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Nama petugas:</source>
        <translation>Officer &amp;name:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>nama lengkap, mis. Siti Rahmawati, S.TP</source>
        <translation>full name, e.g. Siti Rahmawati, S.TP</translation>
    </message>
    <message>
        <source>18 angka; boleh dikosongkan</source>
        <translation>18 digits; may be left empty</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Mitra baru</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Nama lembaga</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Narahubung</source>
        <translation>Contact person</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Kata sandi paket</source>
        <translation>Package passphrase</translation>
    </message>
    <message>
        <source>Kunci {file} dengan kata sandi, karena kunci kepala seksi belum dikenal di perangkat ini. Beri tahu kata sandinya kepada kepala seksi secara langsung, jangan ditulis di flashdisk.</source>
        <translation>Lock {file} with a passphrase, because the section head&apos;s key is not known on this device yet. Tell the section head the passphrase in person; never write it on the USB stick.</translation>
    </message>
    <message>
        <source>{file} dikunci dengan kata sandi. Masukkan kata sandinya.</source>
        <translation>{file} is locked with a passphrase. Enter the passphrase.</translation>
    </message>
    <message>
        <source>Tampilkan kata sandi</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <source>Kata sandi salah. Coba lagi, atau pilih Batal.</source>
        <translation>Wrong passphrase. Try again, or choose Cancel.</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat passphrase:</translation>
    </message>
    <message>
        <source>Kunci dan ekspor</source>
        <translation>Lock and export</translation>
    </message>
    <message>
        <source>Buka dan impor</source>
        <translation>Open and import</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>U&amp;lang</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Po&amp;tong</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>&amp;Salin</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>T&amp;empel</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Pilih se&amp;mua</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <source>Ketik kata sandinya.</source>
        <translation>Type the passphrase.</translation>
    </message>
    <message>
        <source>Ketik kata sandi yang sama sekali lagi di isian kedua.</source>
        <translation>Type the same passphrase again in the second field.</translation>
    </message>
    <message>
        <source>Paling sedikit {minimum} karakter; beberapa kata lebih mudah diingat.</source>
        <translation>At least {minimum} characters; a few words are easier to remember.</translation>
    </message>
</context>
<context>
    <name>PhotoWidget</name>
    <message>
        <source>Tambah foto…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Keterangan foto</source>
        <translation>Photo caption</translation>
    </message>
    <message>
        <source>Simpan keterangan</source>
        <translation>Save caption</translation>
    </message>
    <message>
        <source>Pakai lokasi foto untuk IKM</source>
        <translation>Use the photo&apos;s location for the IKM</translation>
    </message>
    <message>
        <source>(tanpa keterangan)</source>
        <translation>(no caption)</translation>
    </message>
    <message>
        <source>Menambahkan foto…</source>
        <translation>Adding the photo…</translation>
    </message>
    <message>
        <source>Simpan kunjungan dahulu, lalu tambahkan fotonya.</source>
        <translation>Save the visit first, then add its photos.</translation>
    </message>
    <message>
        <source>Kunjungan ini terkunci; foto hanya dapat dilihat.</source>
        <translation>This visit is locked; photos can only be viewed.</translation>
    </message>
    <message>
        <source>Tambahkan foto dengan tombol atau seret berkas foto ke sini.</source>
        <translation>Add photos with the button or drag photo files here.</translation>
    </message>
    <message>
        <source>Pilih foto untuk melihat lokasinya.</source>
        <translation>Choose a photo to see its location.</translation>
    </message>
    <message>
        <source>Foto ini tidak memuat lokasi GPS.</source>
        <translation>This photo holds no GPS location.</translation>
    </message>
    <message>
        <source>Lokasi foto: {lat:.6f}, {lon:.6f}</source>
        <translation>Photo location: {lat:.6f}, {lon:.6f}</translation>
    </message>
    <message>
        <source>Pilih foto</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>Foto dan dokumen (*.jpg *.jpeg *.png *.webp *.pdf)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.webp *.pdf)</translation>
    </message>
    <message>
        <source>Hapus foto ini dari kunjungan?</source>
        <translation>Remove this photo from the visit?</translation>
    </message>
    <message>
        <source>Lokasi IKM</source>
        <translation>IKM location</translation>
    </message>
    <message>
        <source>Simpan {lat:.6f}, {lon:.6f} sebagai lokasi IKM ini?</source>
        <translation>Save {lat:.6f}, {lon:.6f} as this IKM&apos;s location?</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Nama produk</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>Jenis pangan</source>
        <translation>Food type</translation>
    </message>
    <message>
        <source>Kemasan</source>
        <translation>Packaging</translation>
    </message>
    <message>
        <source>Berat/isi bersih</source>
        <translation>Net weight/content</translation>
    </message>
    <message>
        <source>Nomor P-IRT</source>
        <translation>P-IRT number</translation>
    </message>
    <message>
        <source>Umur simpan (hari)</source>
        <translation>Shelf life (days)</translation>
    </message>
    <message>
        <source>Komposisi</source>
        <translation>Ingredients</translation>
    </message>
    <message>
        <source>Catatan label</source>
        <translation>Label notes</translation>
    </message>
    <message>
        <source>Produk baru</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Simpan produk</source>
        <translation>Save product</translation>
    </message>
    <message>
        <source>Hapus produk</source>
        <translation>Delete product</translation>
    </message>
    <message>
        <source>Simpan data IKM terlebih dahulu, lalu tambahkan produknya di sini.</source>
        <translation>Save the IKM first, then add its products here.</translation>
    </message>
    <message>
        <source>{name}
P-IRT {number}</source>
        <translation>{name}
P-IRT {number}</translation>
    </message>
    <message>
        <source>tidak dikenal</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Kemasan {packaging_code} ({packaging}) · jenis pangan {food_code} ({food}) · wilayah {region} · produk ke-{product} · IRTP {irtp} · berlaku s.d. {year}</source>
        <translation>Packaging {packaging_code} ({packaging}) · food type {food_code} ({food}) · region {region} · product no. {product} · IRTP {irtp} · valid until {year}</translation>
    </message>
    <message>
        <source>SPP-IRT sudah berakhir: produk tidak boleh diedarkan.</source>
        <translation>The SPP-IRT has expired: the product may not be sold.</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Perubahan pada produk ini belum disimpan. Buang perubahan itu?</source>
        <translation>The changes to this product are not saved. Discard them?</translation>
    </message>
    <message>
        <source>Hapus produk {name}?</source>
        <translation>Delete product {name}?</translation>
    </message>
</context>
<context>
    <name>ProgrammeForm</name>
    <message>
        <source>Nama program</source>
        <translation>Programme name</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Sentra / desa</source>
        <translation>Sentra / village</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Kunjungan setiap (hari)</source>
        <translation>Visit every (days)</translation>
    </message>
    <message>
        <source>Jam minimum per kunjungan</source>
        <translation>Minimum hours per visit</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Petugas pendamping</source>
        <translation>Mentoring officers</translation>
    </message>
    <message>
        <source>Mitra</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>IKM peserta</source>
        <translation>Enrolled IKMs</translation>
    </message>
    <message>
        <source>Simpan program</source>
        <translation>Save programme</translation>
    </message>
    <message>
        <source>Laporan mitra…</source>
        <translation>Partner report…</translation>
    </message>
    <message>
        <source>Program dan kunjungan bersama mitra yang dipilih, sebagai PDF</source>
        <translation>Programmes and visits together with the chosen partner, as a PDF</translation>
    </message>
    <message>
        <source>mis. Desa Karangan Hilir</source>
        <translation>e.g. Desa Karangan Hilir</translation>
    </message>
    <message>
        <source>Program dibuat dan diubah oleh atasan; sampai ke sini lewat sinkronisasi.</source>
        <translation>Programmes are made and changed by the supervisor; they reach this device by sync.</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Program pendampingan</source>
        <translation>Mentoring programmes</translation>
    </message>
    <message>
        <source>Program baru</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>Mitra baru…</source>
        <translation>New partner…</translation>
    </message>
    <message>
        <source>Lembar panduan…</source>
        <translation>Guidance sheets…</translation>
    </message>
    <message>
        <source>IKM dan kemajuan</source>
        <translation>IKMs and progress</translation>
    </message>
    <message>
        <source>Pengaturan program</source>
        <translation>Programme settings</translation>
    </message>
    <message>
        <source>belum mulai</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>berjalan</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>selesai</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>Program saya</source>
        <translation>My programme</translation>
    </message>
    <message>
        <source>Belum ada program. Buat program baru.</source>
        <translation>No programme yet. Create a new one.</translation>
    </message>
    <message>
        <source>Belum ada program. Program dari atasan datang lewat sinkronisasi.</source>
        <translation>No programme yet. Programmes from the supervisor arrive by sync.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3 · kunjungan setiap %4 hari, minimal %5 jam&lt;br&gt;Petugas: %6 · Mitra: %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 – %3 · a visit every %4 days, at least %5 hours&lt;br&gt;Officers: %6 · Partners: %7</translation>
    </message>
    <message>
        <source>Laporan kerja sama mitra</source>
        <translation>Partner cooperation report</translation>
    </message>
    <message>
        <source>Logbook</source>
        <translation>Logbook</translation>
    </message>
    <message>
        <source>IKM ini belum punya kunjungan draf. Catat kunjungannya dulu di halaman Kunjungan, lalu isi logbook di sini.</source>
        <translation>This IKM has no draft visit yet. Record the visit on the Visits page first, then fill the logbook here.</translation>
    </message>
    <message>
        <source>Diagnosis akhir</source>
        <translation>Final diagnosis</translation>
    </message>
    <message>
        <source>Diagnosis awal</source>
        <translation>Baseline diagnosis</translation>
    </message>
</context>
<context>
    <name>ProgrammeProgressWidget</name>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Kunjungan / rencana</source>
        <translation>Visits / planned</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Di bawah jam minimum</source>
        <translation>Below minimum hours</translation>
    </message>
    <message>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Sasaran ✓ / segera / telat / lain</source>
        <translation>Targets ✓ / due / late / other</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Topik</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Pekerja</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Mitra hadir</source>
        <translation>Partner present</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Logbook pembinaan</source>
        <translation>Mentoring logbook</translation>
    </message>
    <message>
        <source>Rencana: sasaran</source>
        <translation>Plan: targets</translation>
    </message>
    <message>
        <source>Diagnosis…</source>
        <translation>Diagnosis…</translation>
    </message>
    <message>
        <source>Catat logbook…</source>
        <translation>Record logbook…</translation>
    </message>
    <message>
        <source>Tambah sasaran…</source>
        <translation>Add target…</translation>
    </message>
    <message>
        <source>Tandai tercapai</source>
        <translation>Mark as met</translation>
    </message>
    <message>
        <source>tercapai</source>
        <translation>met</translation>
    </message>
    <message>
        <source>terlambat</source>
        <translation>late</translation>
    </message>
    <message>
        <source>segera jatuh tempo</source>
        <translation>due soon</translation>
    </message>
    <message>
        <source>berjalan</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>sudah</source>
        <translation>done</translation>
    </message>
    <message>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Laporan kunjungan</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <source>Riwayat pendampingan IKM</source>
        <translation>IKM mentoring history</translation>
    </message>
    <message>
        <source>Semua laporan kunjungan dalam rentang tanggal</source>
        <translation>All visit reports in a date range</translation>
    </message>
    <message>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Indonesian</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Rekap bulanan, triwulanan atau tahunan</source>
        <translation>Monthly, quarterly or yearly summary</translation>
    </message>
    <message>
        <source>Triwulan</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Triwulan I (Januari–Maret)</source>
        <translation>Quarter I (January–March)</translation>
    </message>
    <message>
        <source>Triwulan II (April–Juni)</source>
        <translation>Quarter II (April–June)</translation>
    </message>
    <message>
        <source>Triwulan III (Juli–September)</source>
        <translation>Quarter III (July–September)</translation>
    </message>
    <message>
        <source>Triwulan IV (Oktober–Desember)</source>
        <translation>Quarter IV (October–December)</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Belum dikunjungi lebih dari</source>
        <translation>Not visited for more than</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Ekspor ke folder…</source>
        <translation>Export to folder…</translation>
    </message>
    <message>
        <source>Simpan Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <source>Tabel rekap yang sama, satu lembar per tabel</source>
        <translation>The same summary tables, one sheet per table</translation>
    </message>
    <message>
        <source>Jenis laporan</source>
        <translation>Report type</translation>
    </message>
    <message>
        <source>Bahasa laporan</source>
        <translation>Report language</translation>
    </message>
    <message>
        <source>Menyusun laporan…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>Ekspor laporan kunjungan</source>
        <translation>Export visit reports</translation>
    </message>
    <message>
        <source>Menulis laporan kunjungan…</source>
        <translation>Writing visit reports…</translation>
    </message>
    <message>
        <source>Pilih kunjungan dulu.</source>
        <translation>Choose a visit first.</translation>
    </message>
    <message>
        <source>Pilih IKM dulu.</source>
        <translation>Choose an IKM first.</translation>
    </message>
    <message>
        <source>Ekspor banyak laporan memakai tombol Ekspor.</source>
        <translation>Export many reports with the Export button.</translation>
    </message>
    <message>
        <source>Semua klaster</source>
        <translation>All clusters</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message numerus="yes">
        <source>%n halaman</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Simpan laporan PDF</source>
        <translation>Save PDF report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Disimpan: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Pilih folder untuk laporan</source>
        <translation>Choose a folder for the reports</translation>
    </message>
    <message>
        <source>Simpan rekap Excel</source>
        <translation>Save the summary as Excel</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Menulis rekap Excel…</source>
        <translation>Writing the Excel summary…</translation>
    </message>
    <message numerus="yes">
        <source>%n laporan ditulis.</source>
        <translation>
            <numerusform>%n report written.</numerusform>
            <numerusform>%n reports written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>Pratinjau laporan</source>
        <translation>Report preview</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pola ini belum dapat membuat nomor; lihat petunjuk pada kolomnya.</source>
        <translation>This pattern cannot make a number yet; see the hint on its field.</translation>
    </message>
    <message>
        <source>Contoh nomor laporan pertama: {number}</source>
        <translation>Example of the first report number: {number}</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Pengguna komputer ini</source>
        <translation>User of this computer</translation>
    </message>
    <message>
        <source>Peran:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>Sidik kunci:</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>Peran ditetapkan saat penyiapan; nama dan NIP dapat dibetulkan di sini. Sidik kunci dicocokkan dengan penyelia saat bertukar kartu kunci untuk sinkronisasi.</source>
        <translation>The role is set when this computer is set up; the name and NIP can be corrected here. The key fingerprint is compared with the supervisor&apos;s when exchanging key cards for sync.</translation>
    </message>
    <message>
        <source>Kop surat laporan</source>
        <translation>Report letterhead</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Nama &amp;atasan (Mengetahui):</source>
        <translation>&amp;Superior&apos;s name (acknowledged by):</translation>
    </message>
    <message>
        <source>NIP a&amp;tasan:</source>
        <translation>Superior&apos;s N&amp;IP:</translation>
    </message>
    <message>
        <source>&amp;Jabatan atasan:</source>
        <translation>Superior&apos;s &amp;position:</translation>
    </message>
    <message>
        <source>&amp;Pola nomor laporan:</source>
        <translation>Report &amp;number pattern:</translation>
    </message>
    <message>
        <source>&amp;Bahasa laporan:</source>
        <translation>Report &amp;language:</translation>
    </message>
    <message>
        <source>Tanggal &amp;wajib halal UMK:</source>
        <translation>&amp;Halal deadline (micro/small):</translation>
    </message>
    <message>
        <source>Sejak tanggal ini produk pangan usaha mikro dan kecil wajib bersertifikat halal (PP 42/2024 Pasal 160(2), perlu dikonfirmasi). Kosongkan bila tidak ingin ditandai di laporan.</source>
        <translation>From this date food products of micro and small businesses must be halal-certified (PP 42/2024 Article 160(2), to be confirmed). Leave empty to flag nothing in the reports.</translation>
    </message>
    <message>
        <source>Gunakan {seq:04d}, {year}, {month} dan {month_roman}.</source>
        <translation>Use {seq:04d}, {year}, {month} and {month_roman}.</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Indonesian</translation>
    </message>
    <message>
        <source>Inggris</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Bahasa antarmuka</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>&amp;Bahasa:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Berlaku langsung dan diingat untuk pembukaan berikutnya.</source>
        <translation>Takes effect at once and is remembered for the next start.</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Batalkan perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Penyelia</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>(tidak diisi)</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>Pengaturan tersimpan.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Selamat datang di IKMDesk</source>
        <translation>Welcome to IKMDesk</translation>
    </message>
    <message>
        <source>Sebelum mulai, isi siapa yang memakai komputer ini dan kop surat kantor untuk laporan. Kop surat dapat diubah nanti di halaman Pengaturan.</source>
        <translation>Before you start, tell who uses this computer and the office letterhead for reports. The letterhead can be changed later on the Settings page.</translation>
    </message>
    <message>
        <source>Tempat basis data</source>
        <translation>Where the data is kept</translation>
    </message>
    <message>
        <source>Pengguna komputer ini</source>
        <translation>User of this computer</translation>
    </message>
    <message>
        <source>Kop surat laporan</source>
        <translation>Report letterhead</translation>
    </message>
    <message>
        <source>&amp;Simpan dan mulai</source>
        <translation>&amp;Save and start</translation>
    </message>
    <message>
        <source>Coba dengan data &amp;demo</source>
        <translation>Try with &amp;demo data</translation>
    </message>
    <message>
        <source>Membuka basis data contoh terpisah; data Anda tidak tersentuh.</source>
        <translation>Opens a separate sample database; your data is not touched.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Menghubungi server…</source>
        <translation>Contacting the server…</translation>
    </message>
    <message>
        <source>Tersambung. Basis data ini sudah disiapkan; data di bawah tidak dipakai.</source>
        <translation>Connected. This database is set up already; the details below are not used.</translation>
    </message>
    <message>
        <source>Tersambung. Basis data ini masih kosong dan akan disiapkan.</source>
        <translation>Connected. This database is empty and will be set up.</translation>
    </message>
    <message>
        <source>Tidak tersambung.</source>
        <translation>Not connected.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Semua perubahan (paket lengkap)</source>
        <translation>All changes (full package)</translation>
    </message>
    <message>
        <source>Ekspor berkas sinkronisasi…</source>
        <translation>Export sync file…</translation>
    </message>
    <message>
        <source>Kirim</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Untuk:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Impor berkas…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>Seret berkas .ikmsync ke sini atau pilih Impor.</source>
        <translation>Drag .ikmsync files here or choose Import.</translation>
    </message>
    <message>
        <source>Terima</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nilai dipakai</source>
        <translation>Value in use</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Nilai lain</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pulihkan nilai lain</source>
        <translation>Restore the other value</translation>
    </message>
    <message>
        <source>Pertahankan nilai dipakai</source>
        <translation>Keep the value in use</translation>
    </message>
    <message>
        <source>Konflik yang perlu ditinjau</source>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <source>Arah</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Perangkat ini: {name} ({role}) — sidik jari {fingerprint}</source>
        <translation>This device: {name} ({role}) — fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Konflik terbuka: {conflicts}.</source>
        <translation>Open conflicts: {conflicts}.</translation>
    </message>
    <message numerus="yes">
        <source>%n catatan tersimpan tetapi belum tampil: data yang ditautkannya (misalnya IKM atau kunjungannya) ada di paket yang belum diimpor. Impor paket berikutnya dari pengirimnya.</source>
        <translation>
            <numerusform>%n record is stored but not shown yet: a record it links to (such as its IKM or visit) is in a package not imported yet. Import the sender&apos;s next package.</numerusform>
            <numerusform>%n records are stored but not shown yet: records they link to (such as their IKM or visit) are in a package not imported yet. Import the sender&apos;s next package.</numerusform>
        </translation>
    </message>
    <message>
        <source>(belum ada kunci kepala seksi — dikunci dengan kata sandi)</source>
        <translation>(no section head key yet — locked with a passphrase)</translation>
    </message>
    <message>
        <source>Ekspor berikutnya membawa, per petugas: {list}.</source>
        <translation>The next export carries, per officer: {list}.</translation>
    </message>
    <message>
        <source>Belum ada petugas yang dipercaya. Impor dulu paket atau kartu kunci petugas.</source>
        <translation>No officer is trusted yet. First import an officer&apos;s package or key card.</translation>
    </message>
    <message>
        <source>Ekspor berikutnya membawa semua {ops} perubahan (paket lengkap).</source>
        <translation>The next export carries all {ops} changes (full package).</translation>
    </message>
    <message>
        <source>Ekspor berikutnya membawa semua {ops} perubahan: paket berkata sandi selalu lengkap.</source>
        <translation>The next export carries all {ops} changes: a passphrase package is always full.</translation>
    </message>
    <message>
        <source>Ekspor berikutnya membawa {ops} perubahan yang belum dipastikan diterima {name}.</source>
        <translation>The next export carries {ops} changes not yet confirmed as received by {name}.</translation>
    </message>
    <message>
        <source>perangkat tidak dikenal</source>
        <translation>unknown device</translation>
    </message>
    <message>
        <source>(kata sandi)</source>
        <translation>(passphrase)</translation>
    </message>
    <message>
        <source>dikunci dengan kata sandi</source>
        <translation>locked with a passphrase</translation>
    </message>
    <message>
        <source>dikunci untuk {name}</source>
        <translation>locked for {name}</translation>
    </message>
    <message>
        <source>{file}: {ops} perubahan, {attachments} lampiran, {lock}.</source>
        <translation>{file}: {ops} changes, {attachments} attachments, {lock}.</translation>
    </message>
    <message>
        <source>Disimpan di folder {folder}.</source>
        <translation>Saved in folder {folder}.</translation>
    </message>
    <message>
        <source>Ekspor gagal: {reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <source>Peringatan: jam perangkat {device} lebih cepat {days:.1f} hari.</source>
        <translation>Warning: the clock of device {device} is {days:.1f} days ahead.</translation>
    </message>
    <message>
        <source>Semua petugas</source>
        <translation>All officers</translation>
    </message>
    <message>
        <source>(dihapus)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>impor</source>
        <translation>import</translation>
    </message>
    <message>
        <source>ekspor</source>
        <translation>export</translation>
    </message>
    <message>
        <source>Pilih folder (flashdisk) tujuan</source>
        <translation>Choose the target folder (USB stick)</translation>
    </message>
    <message>
        <source>Simpan berkas sinkronisasi</source>
        <translation>Save sync file</translation>
    </message>
    <message>
        <source>Berkas sinkronisasi (*.ikmsync)</source>
        <translation>Sync files (*.ikmsync)</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Mengekspor</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Pilih berkas sinkronisasi</source>
        <translation>Choose sync files</translation>
    </message>
    <message>
        <source>Mengimpor</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Paket {file}</source>
        <translation>Package {file}</translation>
    </message>
    <message>
        <source>{file}: sudah pernah diimpor; tidak ada yang berubah.</source>
        <translation>{file}: already imported; nothing changed.</translation>
    </message>
    <message>
        <source>{file}: {applied} perubahan baru, {known} sudah ada, {conflicts} konflik, {attachments} lampiran.</source>
        <translation>{file}: {applied} new changes, {known} already known, {conflicts} conflicts, {attachments} attachments.</translation>
    </message>
    <message numerus="yes">
        <source>%n catatan menunggu data yang ditautkannya dari paket lain.</source>
        <translation>
            <numerusform>%n record waits for a record it links to, from another package.</numerusform>
            <numerusform>%n records wait for records they link to, from another package.</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} kini dipercaya.</source>
        <translation>{name} is now trusted.</translation>
    </message>
    <message>
        <source>Jam pengirim lebih cepat dari jam perangkat ini.</source>
        <translation>The sender&apos;s clock is ahead of this device&apos;s clock.</translation>
    </message>
    <message>
        <source>{file}: pengirim tidak dipercaya; tidak diimpor.</source>
        <translation>{file}: sender not trusted; not imported.</translation>
    </message>
    <message>
        <source>{file}: kata sandi tidak dimasukkan; tidak diimpor.</source>
        <translation>{file}: no passphrase entered; not imported.</translation>
    </message>
    <message>
        <source>{file}: pengirim belum dipercaya.</source>
        <translation>{file}: the sender is not trusted yet.</translation>
    </message>
    <message>
        <source>{file}: kata sandi salah.</source>
        <translation>{file}: wrong passphrase.</translation>
    </message>
    <message>
        <source>{file}: dikunci dengan kata sandi.</source>
        <translation>{file}: locked with a passphrase.</translation>
    </message>
    <message>
        <source>{file}: ditolak — {reason}</source>
        <translation>{file}: refused — {reason}</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Tambah sasaran</source>
        <translation>Add target</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>penyelia</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>petugas pendamping</source>
        <translation>field officer</translation>
    </message>
    <message>
        <source>Percayai perangkat ini?</source>
        <translation>Trust this device?</translation>
    </message>
    <message>
        <source>{source} berasal dari perangkat yang belum dikenal di sini:</source>
        <translation>{source} comes from a device not known here yet:</translation>
    </message>
    <message>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Peran:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Sidik jari:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Cocokkan sidik jari ini dengan yang tampil di halaman Sinkronisasi perangkat tersebut (tanyakan langsung atau lewat telepon). Percayai hanya jika sama: sesudah itu paket dari perangkat ini diterima tanpa ditanya lagi.</source>
        <translation>Compare this fingerprint with the one shown on that device&apos;s Sync page (ask in person or by phone). Trust it only if they are the same: after that, packages from this device are accepted without asking again.</translation>
    </message>
    <message>
        <source>Percayai</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>Jangan percayai</source>
        <translation>Do not trust</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>IKM</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Petugas pendamping</source>
        <translation>Accompanying officers</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Rekomendasi</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <source>Ketik nama IKM untuk mencari…</source>
        <translation>Type an IKM name to search…</translation>
    </message>
    <message>
        <source>Nama petugas lain yang ikut, bila ada</source>
        <translation>Names of other officers who came along, if any</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Pemeriksaan mutu</source>
        <translation>Quality checks</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Tinjauan</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Pemeriksaan:</source>
        <translation>Check:</translation>
    </message>
    <message>
        <source>Baru:</source>
        <translation>New:</translation>
    </message>
    <message>
        <source>Mulai pemeriksaan</source>
        <translation>Start check</translation>
    </message>
    <message>
        <source>Hapus pemeriksaan</source>
        <translation>Delete check</translation>
    </message>
    <message>
        <source>Tindak lanjut dibuat dari temuan pemeriksaan yang diberi tindakan perbaikan dan batas waktu, atau ditambahkan sendiri di sini, juga setelah laporan disetujui (laporan yang disetujui tetap mencetak keadaan saat disetujui).</source>
        <translation>Follow-ups come from check findings given a corrective action and a deadline, or are added here by hand, also after the report was approved (an approved report keeps printing the state on its approval day).</translation>
    </message>
    <message>
        <source>&amp;Tambah tindak lanjut…</source>
        <translation>&amp;Add follow-up…</translation>
    </message>
    <message>
        <source>&amp;Ubah…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Batas waktu</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Penanggung jawab</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revisi</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Catatan tinjauan untuk petugas</source>
        <translation>Review note for the officer</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Kembalikan untuk diperbaiki</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Ubah (amandemen)</source>
        <translation>Amend</translation>
    </message>
    <message>
        <source>Kembali ke daftar</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Cetak laporan</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Lembar untuk IKM</source>
        <translation>Sheet for the IKM</translation>
    </message>
    <message>
        <source>Cetak Lembar Pendampingan untuk disimpan IKM</source>
        <translation>Print the mentoring sheet (Lembar Pendampingan) for the IKM to keep</translation>
    </message>
    <message>
        <source>Simpan draf</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Kirim ke atasan</source>
        <translation>Submit to supervisor</translation>
    </message>
    <message>
        <source>Kunjungan ini berubah dan belum disimpan. Simpan perubahan itu?</source>
        <translation>This visit changed and is not saved. Save the changes?</translation>
    </message>
    <message>
        <source>Pilih IKM yang dikunjungi: ketik namanya lalu pilih.</source>
        <translation>Choose the enterprise visited: type its name, then pick it.</translation>
    </message>
    <message>
        <source>Pilih tujuan kunjungan.</source>
        <translation>Choose the purpose of the visit.</translation>
    </message>
    <message>
        <source>IKM: {name}, {date}</source>
        <translation>Enterprise: {name}, {date}</translation>
    </message>
    <message>
        <source>Pemeriksaan: tidak ada</source>
        <translation>Checks: none</translation>
    </message>
    <message>
        <source>Temuan: {text}</source>
        <translation>Findings: {text}</translation>
    </message>
    <message>
        <source>Temuan: tidak ditulis</source>
        <translation>Findings: none written</translation>
    </message>
    <message>
        <source>— pilih IKM —</source>
        <translation>— choose IKM —</translation>
    </message>
    <message>
        <source>Tanpa produk</source>
        <translation>No product</translation>
    </message>
    <message>
        <source>Kunjungan baru; belum dikirim.</source>
        <translation>New visit; not submitted yet.</translation>
    </message>
    <message>
        <source>Dikembalikan oleh {name}: {comment}</source>
        <translation>Returned by {name}: {comment}</translation>
    </message>
    <message>
        <source>Disetujui oleh {name} (revisi {revision}).</source>
        <translation>Approved by {name} (revision {revision}).</translation>
    </message>
    <message>
        <source>Menunggu tinjauan atasan.</source>
        <translation>Awaiting the supervisor&apos;s review.</translation>
    </message>
    <message>
        <source>Draf (revisi {revision}).</source>
        <translation>Draft (revision {revision}).</translation>
    </message>
    <message>
        <source>Kunjungan baru</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Kunjungan ke {name}, {date}</source>
        <translation>Visit to {name}, {date}</translation>
    </message>
    <message>
        <source>{status} — terkunci</source>
        <translation>{status} — locked</translation>
    </message>
    <message>
        <source>Kirim kunjungan</source>
        <translation>Submit visit</translation>
    </message>
    <message>
        <source>Kirim laporan kunjungan ini ke atasan? Setelah dikirim, laporan tidak dapat diubah kecuali dikembalikan.</source>
        <translation>Submit this visit report to the supervisor? Once submitted, it cannot be changed unless it is returned.</translation>
    </message>
    <message>
        <source>Temuan belum lengkap</source>
        <translation>Findings incomplete</translation>
    </message>
    <message>
        <source>Temuan pada butir {items} belum lengkap (PLOR, tindakan perbaikan atau batas waktu). Tetap kirim laporan ini?</source>
        <translation>The findings on items {items} are incomplete (PLOR, corrective action or deadline). Submit this report anyway?</translation>
    </message>
    <message>
        <source>Kunjungan siap dikirim</source>
        <translation>Visit ready to send</translation>
    </message>
    <message>
        <source>Kunjungan ini menunggu tinjauan dan ikut dalam berkas sinkronisasi berikutnya. Buat berkas itu di halaman Sinkronisasi lalu serahkan ke atasan. Buka halaman Sinkronisasi sekarang?</source>
        <translation>This visit awaits review and goes out with the next sync file. Make that file on the Sync page and hand it to your supervisor. Open the Sync page now?</translation>
    </message>
    <message>
        <source>Hapus pemeriksaan ini beserta jawabannya dan tindak lanjut yang terbuka?</source>
        <translation>Delete this check with its answers and open follow-ups?</translation>
    </message>
    <message>
        <source>Setujui kunjungan</source>
        <translation>Approve visit</translation>
    </message>
    <message>
        <source>Setujui laporan kunjungan ini? Laporan lalu dibekukan.

{summary}</source>
        <translation>Approve this visit report? The report is then frozen.

{summary}</translation>
    </message>
    <message>
        <source>Tulis catatan untuk petugas: apa yang perlu diperbaiki.</source>
        <translation>Write a note for the officer: what needs correcting.</translation>
    </message>
    <message>
        <source>Kembalikan kunjungan</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <source>Kembalikan laporan ini ke petugas untuk diperbaiki?

{summary}</source>
        <translation>Return this report to the officer for correction?

{summary}</translation>
    </message>
    <message>
        <source>Amandemen</source>
        <translation>Amendment</translation>
    </message>
    <message>
        <source>Buka kembali laporan yang sudah disetujui sebagai revisi baru? Revisi itu perlu disetujui lagi; persetujuan sebelumnya tetap tercatat.</source>
        <translation>Reopen the approved report as a new revision? The revision needs approval again; the earlier approval stays on record.</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Cari nama IKM…</source>
        <translation>Search IKM name…</translation>
    </message>
    <message>
        <source>Kunjungan baru</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Pulihkan kunjungan</source>
        <translation>Recover visit</translation>
    </message>
    <message>
        <source>Ada isian kunjungan yang belum disimpan dari {when} (aplikasi tertutup sebelum sempat menyimpan). Pulihkan isian itu?</source>
        <translation>There is an unsaved visit entry from {when} (the application closed before it could save). Recover that entry?</translation>
    </message>
    <message>
        <source>Kunjungan ini sudah dikirim atau disetujui, jadi isian yang belum disimpan tidak dapat dipakai lagi.</source>
        <translation>This visit has already been submitted or approved, so the unsaved entry can no longer be used.</translation>
    </message>
    <message numerus="yes">
        <source>%n kunjungan</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada kunjungan</source>
        <translation>No visits</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Pendampingan</source>
        <translation>Mentoring</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Dukungan sertifikasi</source>
        <translation>Certification support</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
</context>
<context>
    <name>_SidePanel</name>
    <message>
        <source>Nama IKM:</source>
        <translation>IKM name:</translation>
    </message>
    <message>
        <source>Pemilik:</source>
        <translation>Owner:</translation>
    </message>
    <message>
        <source>No. HP:</source>
        <translation>Mobile no.:</translation>
    </message>
    <message>
        <source>NIB:</source>
        <translation>NIB:</translation>
    </message>
    <message>
        <source>Alamat:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Desa, kecamatan:</source>
        <translation>Village, kecamatan:</translation>
    </message>
    <message>
        <source>Kunjungan:</source>
        <translation>Visits:</translation>
    </message>
    <message>
        <source>Produk:</source>
        <translation>Products:</translation>
    </message>
    <message>
        <source>Terdaftar:</source>
        <translation>Registered:</translation>
    </message>
</context>
<context>
    <name>demo_data</name>
    <message>
        <source>Menyusun data demo</source>
        <translation>Planning demo data</translation>
    </message>
    <message>
        <source>Membuat foto demo</source>
        <translation>Making demo photos</translation>
    </message>
    <message>
        <source>Menyimpan data demo</source>
        <translation>Saving demo data</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga: {detail}</source>
        <translation>An unexpected error occurred: {detail}</translation>
    </message>
    <message>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lihat di:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>Nama berkas:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Jenis berkas:</source>
        <translation>File type:</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pilih</source>
        <translation>Choose</translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <source>NIB sama</source>
        <translation>Same NIB</translation>
    </message>
    <message>
        <source>Nomor HP sama</source>
        <translation>Same mobile number</translation>
    </message>
    <message>
        <source>Nama mirip di desa yang sama</source>
        <translation>Similar name in the same village</translation>
    </message>
</context>
<context>
    <name>editor_keys</name>
    <message>
        <source>✓ Tersimpan pukul {time}</source>
        <translation>✓ Saved at {time}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cadangan tidak boleh menimpa basis data itu sendiri: {path}</source>
        <translation>A backup must not overwrite the database itself: {path}</translation>
    </message>
    <message>
        <source>Bulan harus ditulis TTTT-BB, misalnya 2026-03: {value}</source>
        <translation>Write the month as YYYY-MM, for example 2026-03: {value}</translation>
    </message>
    <message>
        <source>Tanggal harus ditulis TTTT-BB-HH, misalnya 2026-03-31: {value}</source>
        <translation>Write the date as YYYY-MM-DD, for example 2026-03-31: {value}</translation>
    </message>
    <message>
        <source>Tanggal awal {first} sesudah tanggal akhir {last}.</source>
        <translation>The start date {first} is after the end date {last}.</translation>
    </message>
    <message>
        <source>{path} bukan folder.</source>
        <translation>{path} is not a folder.</translation>
    </message>
    <message>
        <source>Berkas kata sandi {path} tidak dapat dibaca: {detail}</source>
        <translation>The passphrase file {path} cannot be read: {detail}</translation>
    </message>
    <message>
        <source>Berkas basis data tidak ditemukan: {path}</source>
        <translation>Database file not found: {path}</translation>
    </message>
    <message>
        <source>Berkas {path} bukan basis data IKMDesk yang utuh: {detail}</source>
        <translation>The file {path} is not an intact IKMDesk database: {detail}</translation>
    </message>
    <message>
        <source>Basis data {path} dibuat oleh IKMDesk yang lebih baru (skema {found}); versi ini membaca sampai skema {known}. Perbarui aplikasi; berkas tidak diubah.</source>
        <translation>The database {path} was written by a newer IKMDesk (schema {found}); this version reads up to schema {known}. Update the application; the file was not changed.</translation>
    </message>
    <message>
        <source>Basis data {path} sedang dipakai oleh jendela atau perintah IKMDesk lain. Tutup yang lain itu lalu coba lagi.</source>
        <translation>The database {path} is in use by another IKMDesk window or command. Close that one and try again.</translation>
    </message>
    <message>
        <source>Perangkat ini belum disiapkan. Jalankan &apos;ikmdesk init&apos; atau isi identitas petugas dulu.</source>
        <translation>This device has not been set up yet. Run &apos;ikmdesk init&apos; or fill in the officer&apos;s identity first.</translation>
    </message>
    <message>
        <source>{what} dengan id {id} tidak ditemukan.</source>
        <translation>{what} with id {id} was not found.</translation>
    </message>
    <message>
        <source>Tidak dapat menulis berkas {path}: {detail}</source>
        <translation>Cannot write the file {path}: {detail}</translation>
    </message>
    <message>
        <source>Berkas {name} terlalu besar ({size_mb} MB); batasnya {limit_mb} MB.</source>
        <translation>The file {name} is too large ({size_mb} MB); the limit is {limit_mb} MB.</translation>
    </message>
    <message>
        <source>Berkas {name} kosong.</source>
        <translation>The file {name} is empty.</translation>
    </message>
    <message>
        <source>Berkas {name} bukan foto (JPEG, PNG, WEBP) atau PDF yang dapat dibaca.</source>
        <translation>The file {name} is not a readable photo (JPEG, PNG, WEBP) or PDF.</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dapat dibaca: {detail}</source>
        <translation>The file {name} cannot be read: {detail}</translation>
    </message>
    <message>
        <source>Lampiran harus milik tepat satu kunjungan, IKM atau produk.</source>
        <translation>An attachment must belong to exactly one visit, IKM or product.</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Berkas {path} bukan basis data IKMDesk (tidak ada skema IKMDesk di dalamnya).</source>
        <translation>The file {path} is not an IKMDesk database (it holds no IKMDesk schema).</translation>
    </message>
    <message>
        <source>Berkas cadangan sama dengan basis data yang sedang dipakai: {path}</source>
        <translation>The backup file is the database in use: {path}</translation>
    </message>
    <message>
        <source>Salinan cadangan di {path} tidak dapat dibaca ulang dengan benar ({detail}); jangan andalkan salinan ini, coba flashdisk lain.</source>
        <translation>The backup copy at {path} could not be read back correctly ({detail}); do not rely on it, try another USB stick.</translation>
    </message>
    <message>
        <source>Basis data {path} masih dibuka oleh jendela atau perintah IKMDesk lain, jadi tidak dapat dipulihkan. Tutup yang lain itu lalu coba lagi.</source>
        <translation>The database {path} is still open in another IKMDesk window or command, so it cannot be restored. Close that one and try again.</translation>
    </message>
    <message>
        <source>{path}: bukan JSON yang sah ({detail})</source>
        <translation>{path}: not valid JSON ({detail})</translation>
    </message>
    <message>
        <source>{path}: kunci &apos;{key}&apos; ditulis dua kali</source>
        <translation>{path}: key &apos;{key}&apos; is written twice</translation>
    </message>
    <message>
        <source>{path}: harus berupa objek JSON {{...}}</source>
        <translation>{path}: must be a JSON object {{...}}</translation>
    </message>
    <message>
        <source>{path}: harus berupa daftar [...]</source>
        <translation>{path}: must be a list [...]</translation>
    </message>
    <message>
        <source>{path}: daftar tidak boleh kosong</source>
        <translation>{path}: the list must not be empty</translation>
    </message>
    <message>
        <source>{path}: wajib ada tetapi tidak ditemukan</source>
        <translation>{path}: required but missing</translation>
    </message>
    <message>
        <source>{path}: kunci tidak dikenal</source>
        <translation>{path}: unknown key</translation>
    </message>
    <message>
        <source>{path}: harus berupa teks yang tidak kosong</source>
        <translation>{path}: must be non-empty text</translation>
    </message>
    <message>
        <source>{path}: kode &apos;{value}&apos; tidak sah (pakai huruf, angka, &apos;-&apos;, &apos;_&apos; atau &apos;.&apos;)</source>
        <translation>{path}: code &apos;{value}&apos; is not valid (use letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;)</translation>
    </message>
    <message>
        <source>{path}: harus berupa bilangan bulat, bukan {value}</source>
        <translation>{path}: must be a whole number, not {value}</translation>
    </message>
    <message>
        <source>{path}: harus berupa angka, bukan {value}</source>
        <translation>{path}: must be a number, not {value}</translation>
    </message>
    <message>
        <source>{path}: harus true atau false, bukan {value}</source>
        <translation>{path}: must be true or false, not {value}</translation>
    </message>
    <message>
        <source>{path}: format templat {value} tidak didukung; versi aplikasi ini membaca format {known}</source>
        <translation>{path}: template format {value} is not supported; this version of the application reads format {known}</translation>
    </message>
    <message>
        <source>{path}: versi harus 1 atau lebih, bukan {value}</source>
        <translation>{path}: the version must be 1 or more, not {value}</translation>
    </message>
    <message>
        <source>{path}: tingkat keyakinan &apos;{value}&apos; tidak dikenal (verified, secondary, unverified)</source>
        <translation>{path}: unknown confidence level &apos;{value}&apos; (verified, secondary, unverified)</translation>
    </message>
    <message>
        <source>{path}: jenis jawaban tidak dikenal &apos;{value}&apos;</source>
        <translation>{path}: unknown answer type &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{path}: jenis isian temuan tidak dikenal &apos;{value}&apos; (text atau date)</source>
        <translation>{path}: unknown finding field type &apos;{value}&apos; (text or date)</translation>
    </message>
    <message>
        <source>{path}: jenis aturan penilaian tidak dikenal &apos;{value}&apos;</source>
        <translation>{path}: unknown grading rule kind &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{path}: kelas ketidaksesuaian tidak dikenal &apos;{value}&apos; (MI, MA, SE atau KR)</source>
        <translation>{path}: unknown non-conformity class &apos;{value}&apos; (MI, MA, SE or KR)</translation>
    </message>
    <message>
        <source>{path}: hanya dipakai butir berjenis {expected}, bukan {answer}</source>
        <translation>{path}: only used by items of type {expected}, not {answer}</translation>
    </message>
    <message>
        <source>{path}: satu butir memakai &apos;weight&apos; atau &apos;class&apos;, tidak keduanya</source>
        <translation>{path}: an item uses &apos;weight&apos; or &apos;class&apos;, not both</translation>
    </message>
    <message>
        <source>{path}: harus lebih besar dari 0, bukan {value}</source>
        <translation>{path}: must be greater than 0, not {value}</translation>
    </message>
    <message>
        <source>{path}: tidak boleh negatif, bukan {value}</source>
        <translation>{path}: must not be negative, not {value}</translation>
    </message>
    <message>
        <source>{path}: min {min} lebih besar dari max {max}</source>
        <translation>{path}: min {min} is greater than max {max}</translation>
    </message>
    <message>
        <source>{path}: &apos;{value}&apos; sudah dipakai di {other}</source>
        <translation>{path}: &apos;{value}&apos; is already used at {other}</translation>
    </message>
    <message>
        <source>{path}: aturan yang belum terverifikasi (verified: false) wajib diberi catatan</source>
        <translation>{path}: an unverified rule (verified: false) must carry a note</translation>
    </message>
    <message>
        <source>{path}: &apos;{key}&apos; tidak dipakai oleh aturan {kind}</source>
        <translation>{path}: &apos;{key}&apos; is not used by a {kind} rule</translation>
    </message>
    <message>
        <source>{path}: butir berkelas ketidaksesuaian harus berjenis yes_no_na, bukan {answer}</source>
        <translation>{path}: an item with a non-conformity class must be of type yes_no_na, not {answer}</translation>
    </message>
    <message>
        <source>{path}: merujuk ke butir &apos;{value}&apos; yang tidak ada di templat</source>
        <translation>{path}: refers to item &apos;{value}&apos;, which is not in the template</translation>
    </message>
    <message>
        <source>{path}: butir &apos;{value}&apos; berjenis {answer}, aturan ini memerlukan {expected}</source>
        <translation>{path}: item &apos;{value}&apos; is of type {answer}; this rule needs {expected}</translation>
    </message>
    <message>
        <source>{path}: butir &apos;{value}&apos; menentukan mutu, jadi harus &quot;required&quot;: true</source>
        <translation>{path}: item &apos;{value}&apos; decides the grade, so it must be &quot;required&quot;: true</translation>
    </message>
    <message>
        <source>{path}: batas untuk butir angka memakai &quot;min&quot; dan &quot;max&quot;; untuk butir pilihan atau ya/tidak memakai &quot;accept&quot;</source>
        <translation>{path}: limits of number items use &quot;min&quot; and &quot;max&quot;; choice or yes/no items use &quot;accept&quot;</translation>
    </message>
    <message>
        <source>{path}: &apos;{value}&apos; bukan jawaban yang mungkin untuk butir &apos;{item}&apos;</source>
        <translation>{path}: &apos;{value}&apos; is not a possible answer for item &apos;{item}&apos;</translation>
    </message>
    <message>
        <source>{path}: butir &apos;{value}&apos; sudah diberi batas</source>
        <translation>{path}: item &apos;{value}&apos; already has a limit</translation>
    </message>
    <message>
        <source>{path}: butir &apos;{value}&apos; tidak berbobot, jadi batas ini tidak berpengaruh</source>
        <translation>{path}: item &apos;{value}&apos; has no weight, so this limit has no effect</translation>
    </message>
    <message>
        <source>{path}: butir berbobot berjenis {answer} memerlukan batas di rule.limits</source>
        <translation>{path}: a weighted item of type {answer} needs a limit in rule.limits</translation>
    </message>
    <message>
        <source>{path}: butir berjenis {answer} tidak dapat diberi bobot</source>
        <translation>{path}: items of type {answer} cannot be weighted</translation>
    </message>
    <message>
        <source>{path}: butir wajib lulus &apos;{value}&apos; harus berbobot</source>
        <translation>{path}: must-pass item &apos;{value}&apos; must be weighted</translation>
    </message>
    <message>
        <source>{path}: persentase harus antara 0 dan 100, bukan {value}</source>
        <translation>{path}: the percentage must be between 0 and 100, not {value}</translation>
    </message>
    <message>
        <source>{path}: level tanpa rentang jumlah tidak akan pernah terpilih</source>
        <translation>{path}: a level without count ranges can never be chosen</translation>
    </message>
    <message>
        <source>{path}: kelas {nc_class}: jumlah {count} masuk ke level {first} dan {second}</source>
        <translation>{path}: class {nc_class}: count {count} falls into both level {first} and {second}</translation>
    </message>
    <message>
        <source>{path}: kelas {nc_class}: jumlah {count} tidak masuk level mana pun</source>
        <translation>{path}: class {nc_class}: count {count} falls into no level</translation>
    </message>
    <message>
        <source>{path}: batas atas harus naik; {value} tidak lebih besar dari {previous}</source>
        <translation>{path}: upper bounds must increase; {value} is not greater than {previous}</translation>
    </message>
    <message>
        <source>{path}: hanya golongan terakhir yang tanpa batas atas (max: null), dan harus begitu</source>
        <translation>{path}: only the last band has no upper bound (max: null), and it must</translation>
    </message>
    <message>
        <source>{path}: batas harus diberikan untuk setiap jenis {expected}, ditemukan {found}</source>
        <translation>{path}: limits must be given for every type {expected}; found {found}</translation>
    </message>
    <message>
        <source>{path}: penanda &apos;{value}&apos; tidak dikenal; yang boleh: {allowed}</source>
        <translation>{path}: unknown placeholder &apos;{value}&apos;; allowed: {allowed}</translation>
    </message>
    <message>
        <source>{path}: id &apos;{value}&apos; tidak sama dengan nama berkas {file}</source>
        <translation>{path}: id &apos;{value}&apos; does not match the file name {file}</translation>
    </message>
    <message>
        <source>Pembuatan data demo dibatalkan; tidak ada data demo yang disimpan.</source>
        <translation>Building demo data was cancelled; no demo data was stored.</translation>
    </message>
    <message>
        <source>Kunjungan demo memerlukan paling sedikit satu IKM demo.</source>
        <translation>Demo visits need at least one demo IKM.</translation>
    </message>
    <message>
        <source>Perangkat ini sudah disiapkan sebagai {role} atas nama {name}.</source>
        <translation>This device is already set up as {role} for {name}.</translation>
    </message>
    <message>
        <source>Nama petugas wajib diisi.</source>
        <translation>The officer&apos;s name is required.</translation>
    </message>
    <message>
        <source>NIP harus 18 angka (tanpa spasi atau titik).</source>
        <translation>The NIP must be 18 digits (no spaces or dots).</translation>
    </message>
    <message>
        <source>Peran harus &apos;officer&apos; atau &apos;supervisor&apos;.</source>
        <translation>The role must be &apos;officer&apos; or &apos;supervisor&apos;.</translation>
    </message>
    <message>
        <source>IKM tidak dapat digabung dengan dirinya sendiri.</source>
        <translation>An IKM cannot be merged with itself.</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Nama IKM wajib diisi.</source>
        <translation>The IKM name is required.</translation>
    </message>
    <message>
        <source>Nama IKM paling banyak {max} huruf.</source>
        <translation>The IKM name may have at most {max} characters.</translation>
    </message>
    <message>
        <source>NIK pemilik harus tepat 16 angka.</source>
        <translation>The owner&apos;s NIK must be exactly 16 digits.</translation>
    </message>
    <message>
        <source>Nomor telepon tidak sah: tulis 9 sampai 15 angka, boleh diawali +62 atau 0 (contoh 081234567890).</source>
        <translation>The phone number is not valid: write 9 to 15 digits, optionally starting with +62 or 0 (example 081234567890).</translation>
    </message>
    <message>
        <source>Lintang dan bujur harus diisi keduanya, atau dikosongkan keduanya.</source>
        <translation>Fill in both latitude and longitude, or leave both empty.</translation>
    </message>
    <message>
        <source>Lintang harus antara -90 dan 90, bukan {value}.</source>
        <translation>Latitude must be between -90 and 90, not {value}.</translation>
    </message>
    <message>
        <source>Bujur harus antara -180 dan 180, bukan {value}.</source>
        <translation>Longitude must be between -180 and 180, not {value}.</translation>
    </message>
    <message>
        <source>Jumlah tenaga kerja harus bilangan bulat 0 atau lebih, bukan {value}.</source>
        <translation>The number of workers must be a whole number of 0 or more, not {value}.</translation>
    </message>
    <message>
        <source>Kecamatan IKM wajib dipilih dari daftar kecamatan.</source>
        <translation>Choose the IKM&apos;s kecamatan from the list.</translation>
    </message>
    <message>
        <source>Klaster IKM wajib dipilih dari daftar klaster.</source>
        <translation>Choose the IKM&apos;s cluster from the list.</translation>
    </message>
    <message>
        <source>Desa yang dipilih tidak ditemukan.</source>
        <translation>The chosen village was not found.</translation>
    </message>
    <message>
        <source>Desa {desa} tidak berada di Kecamatan {kecamatan}.</source>
        <translation>Village {desa} is not in Kecamatan {kecamatan}.</translation>
    </message>
    <message>
        <source>Status IKM &apos;{value}&apos; tidak dikenal (active, inactive, closed).</source>
        <translation>Unknown IKM status &apos;{value}&apos; (active, inactive, closed).</translation>
    </message>
    <message>
        <source>Skala usaha &apos;{value}&apos; tidak dikenal (mikro, kecil, menengah).</source>
        <translation>Unknown business scale &apos;{value}&apos; (mikro, kecil, menengah).</translation>
    </message>
    <message>
        <source>Status halal &apos;{value}&apos; tidak dikenal (none, in_process, certified).</source>
        <translation>Unknown halal status &apos;{value}&apos; (none, in_process, certified).</translation>
    </message>
    <message>
        <source>Jalur sertifikasi halal &apos;{value}&apos; tidak dikenal (self_declare, reguler).</source>
        <translation>Unknown halal certification route &apos;{value}&apos; (self_declare, reguler).</translation>
    </message>
    <message>
        <source>Tanggal terbit sertifikat halal harus sebelum tahun 2100.</source>
        <translation>The halal certificate&apos;s issue date must be before the year 2100.</translation>
    </message>
    <message>
        <source>Tanggal berakhir sertifikat halal harus sebelum tahun 2100.</source>
        <translation>The halal certificate&apos;s expiry date must be before the year 2100.</translation>
    </message>
    <message>
        <source>Tanggal sertifikat PKP harus sebelum tahun 2100.</source>
        <translation>The PKP certificate date must be before the year 2100.</translation>
    </message>
    <message>
        <source>Tanggal berakhir sertifikat halal harus sesudah tanggal terbitnya.</source>
        <translation>The halal certificate&apos;s expiry date must be after its issue date.</translation>
    </message>
    <message>
        <source>IKM ini sudah punya {count} kunjungan, jadi tidak dapat dihapus. Ubah statusnya menjadi &apos;tutup&apos; bila usahanya sudah berhenti.</source>
        <translation>This IKM already has {count} visits, so it cannot be deleted. Set its status to &apos;closed&apos; if the business has stopped.</translation>
    </message>
    <message>
        <source>Judul lembar panduan wajib diisi.</source>
        <translation>The guidance sheet needs a title.</translation>
    </message>
    <message>
        <source>Tulis apa yang harus dilakukan (isi lembar panduan).</source>
        <translation>Write what to do (the body of the guidance sheet).</translation>
    </message>
    <message>
        <source>Sumber lembar panduan wajib diisi (peraturan, standar atau SOP).</source>
        <translation>The guidance sheet needs a source (regulation, standard or SOP).</translation>
    </message>
    <message>
        <source>Pilih topik katalog atau butir daftar periksa untuk lembar ini.</source>
        <translation>Choose a catalogue topic or a checklist item for this sheet.</translation>
    </message>
    <message>
        <source>Topik &apos;{value}&apos; tidak ada di katalog.</source>
        <translation>Topic &apos;{value}&apos; is not in the catalogue.</translation>
    </message>
    <message>
        <source>Pilih butir daftar periksa.</source>
        <translation>Choose a checklist item.</translation>
    </message>
    <message>
        <source>Butir &apos;{value}&apos; tidak ada di daftar periksa ini.</source>
        <translation>Item &apos;{value}&apos; is not in this checklist.</translation>
    </message>
    <message>
        <source>Daftar periksa &apos;{value}&apos; tidak dikenal.</source>
        <translation>Unknown checklist &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Klaster &apos;{value}&apos; tidak dikenal.</source>
        <translation>Unknown cluster &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{value}&apos; tidak dikenal.</source>
        <translation>Unknown kecamatan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Saringan izin &apos;{value}&apos; tidak dikenal; pilih salah satu dari: {allowed}.</source>
        <translation>Unknown licence filter &apos;{value}&apos;; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>Templat daftar periksa &apos;{code}&apos; tidak mempunyai versi {version}.</source>
        <translation>Checklist template &apos;{code}&apos; has no version {version}.</translation>
    </message>
    <message>
        <source>Berkas jawaban {path} tidak dapat dibaca: {detail}</source>
        <translation>Answers file {path} cannot be read: {detail}</translation>
    </message>
    <message>
        <source>Berkas jawaban {path} bukan JSON yang sah: {detail}</source>
        <translation>Answers file {path} is not valid JSON: {detail}</translation>
    </message>
    <message>
        <source>Berkas jawaban {path} harus berisi satu objek JSON {{&quot;id_butir&quot;: jawaban}}.</source>
        <translation>Answers file {path} must hold one JSON object {{&quot;item_id&quot;: answer}}.</translation>
    </message>
    <message>
        <source>Versi Excel harus berakhiran .xlsx: {path}</source>
        <translation>The Excel version must end in .xlsx: {path}</translation>
    </message>
    <message>
        <source>Berkas {path} bukan berkas biasa (folder, pipa, perangkat, atau tautan ke salah satunya); berkas tidak dibuka.</source>
        <translation>{path} is not a regular file (a folder, pipe, device, or a link to one of those); it was not opened.</translation>
    </message>
    <message>
        <source>Berkas {path} terlalu besar ({size} bita); batasnya {limit} bita.</source>
        <translation>{path} is too large ({size} bytes); the limit is {limit} bytes.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak dapat dibuka: {detail}</source>
        <translation>{path} cannot be opened: {detail}</translation>
    </message>
    <message>
        <source>Perubahan berikutnya di perangkat ini memakai nomor asal (origin) baru, jadi tidak ada yang tertimpa. Langkah berikutnya: kirim paket lengkap ke atasan, lalu impor balasan atasan untuk mendapatkan kembali perubahan yang dibuat setelah cadangan ini.</source>
        <translation>From now on this device&apos;s changes carry a new origin number, so nothing is overwritten. Next step: send a full package to the supervisor, then import the supervisor&apos;s reply to get back the changes made after this backup.</translation>
    </message>
    <message>
        <source>Cadangan {name} memuat data pribadi (nama pemilik, NIK, nomor HP) dan kunci rahasia perangkat ini. Simpan flashdisk di tempat aman dan hapus cadangan yang tidak diperlukan lagi; siapa pun yang memegangnya dapat membaca data itu dan mengirim paket atas nama perangkat ini.</source>
        <translation>Backup {name} holds personal data (owner names, NIK, phone numbers) and this device&apos;s secret keys. Keep the stick somewhere safe and delete backups you no longer need; whoever holds it can read that data and send packages in this device&apos;s name.</translation>
    </message>
    <message>
        <source>{path}: hasil &apos;{value}&apos; tidak dikenal (pass, needs_improvement atau fail)</source>
        <translation>{path}: unknown outcome &apos;{value}&apos; (pass, needs_improvement or fail)</translation>
    </message>
    <message>
        <source>{path}: butir kritis &apos;{value}&apos; tidak dinilai oleh aturan ini</source>
        <translation>{path}: critical item &apos;{value}&apos; is not judged by this rule</translation>
    </message>
    <message>
        <source>Tidak dapat terhubung ke basis data di server {path}. Periksa alamat server, nama pengguna dan nama basis data, dan bahwa server menyala di jaringan kantor ({detail}).</source>
        <translation>Cannot connect to the database on the server {path}. Check the server address, user name and database name, and that the server is on in the office network ({detail}).</translation>
    </message>
    <message>
        <source>{url} adalah basis data di server PostgreSQL; IKMDesk hanya mencadangkan berkas. Cadangkan di server dengan pg_dump.</source>
        <translation>{url} is a database on a PostgreSQL server; IKMDesk backs up files only. Back it up on the server with pg_dump.</translation>
    </message>
    <message>
        <source>{url} adalah basis data di server PostgreSQL; IKMDesk hanya memulihkan berkas. Pulihkan di server dengan pg_restore dari cadangan pg_dump.</source>
        <translation>{url} is a database on a PostgreSQL server; IKMDesk restores files only. Restore it on the server with pg_restore from a pg_dump backup.</translation>
    </message>
    <message>
        <source>Alamat basis data server harus berbentuk postgresql+psycopg://pengguna@server/nama, mis. postgresql+psycopg://penyelia@192.168.1.10/ikmdesk</source>
        <translation>A server database address looks like postgresql+psycopg://user@server/name, e.g. postgresql+psycopg://penyelia@192.168.1.10/ikmdesk</translation>
    </message>
    <message>
        <source>Jumlah IKM demo harus antara {low} dan {high}.</source>
        <translation>The number of demo IKMs must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>Jumlah kunjungan demo harus antara {low} dan {high}.</source>
        <translation>The number of demo visits must be between {low} and {high}.</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Tindakan tindak lanjut wajib diisi.</source>
        <translation>The follow-up action is required.</translation>
    </message>
    <message>
        <source>Penanggung jawab tindak lanjut paling banyak {max} huruf.</source>
        <translation>The person responsible may have at most {max} characters.</translation>
    </message>
    <message>
        <source>Tenggat tindak lanjut wajib diisi.</source>
        <translation>The follow-up due date is required.</translation>
    </message>
    <message>
        <source>Tenggat tindak lanjut harus sebelum tahun 2100.</source>
        <translation>The follow-up due date must be before the year 2100.</translation>
    </message>
    <message>
        <source>Tenggat tindak lanjut tidak boleh sebelum tanggal kunjungan ({visit_date}).</source>
        <translation>The follow-up due date must not be before the visit date ({visit_date}).</translation>
    </message>
    <message>
        <source>Kunjungan untuk tindak lanjut ini tidak ditemukan.</source>
        <translation>The visit of this follow-up was not found.</translation>
    </message>
    <message>
        <source>Tindak lanjut tidak dapat dipindah ke kunjungan lain; hapus lalu buat yang baru.</source>
        <translation>A follow-up cannot be moved to another visit; delete it and create a new one.</translation>
    </message>
    <message>
        <source>Temuan daftar periksa yang dirujuk tidak ada pada kunjungan ini.</source>
        <translation>The checklist finding referred to is not on this visit.</translation>
    </message>
    <message>
        <source>Tanggal selesai tindak lanjut wajib diisi.</source>
        <translation>The follow-up completion date is required.</translation>
    </message>
    <message>
        <source>Tanggal selesai tindak lanjut {value} masih di masa depan.</source>
        <translation>The follow-up completion date {value} is in the future.</translation>
    </message>
    <message>
        <source>Tanggal selesai tindak lanjut tidak boleh sebelum tanggal kunjungan ({visit_date}).</source>
        <translation>The follow-up completion date must not be before the visit date ({visit_date}).</translation>
    </message>
    <message>
        <source>Keadaan tindak lanjut &apos;{value}&apos; tidak dikenal (open, due, overdue, done).</source>
        <translation>Unknown follow-up state &apos;{value}&apos; (open, due, overdue, done).</translation>
    </message>
    <message>
        <source>Urutan &apos;{sort}&apos; tidak dikenal; pilih salah satu dari: {allowed}.</source>
        <translation>Unknown sort order &apos;{sort}&apos;; choose one of: {allowed}.</translation>
    </message>
    <message>
        <source>Posisi awal halaman tidak boleh negatif ({value}).</source>
        <translation>The page start must not be negative ({value}).</translation>
    </message>
    <message>
        <source>Jumlah baris per halaman harus antara 1 dan {max}, bukan {value}.</source>
        <translation>Rows per page must be between 1 and {max}, not {value}.</translation>
    </message>
    <message>
        <source>Ekspor hanya ke berkas .xlsx atau .csv, bukan {path}.</source>
        <translation>Export only to an .xlsx or .csv file, not {path}.</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas dibuat.</source>
        <translation>Export cancelled; no file was made.</translation>
    </message>
    <message>
        <source>Pola nomor laporan tidak sah: {detail}. Gunakan {{seq:04d}}, {{year}}, {{month}} atau {{month_roman}}.</source>
        <translation>The report number pattern is not valid: {detail}. Use {{seq:04d}}, {{year}}, {{month}} or {{month_roman}}.</translation>
    </message>
    <message>
        <source>Pola nomor laporan harus memuat {{seq}} agar setiap laporan bernomor unik.</source>
        <translation>The report number pattern must contain {{seq}} so that every report gets a unique number.</translation>
    </message>
    <message>
        <source>Nama kantor wajib diisi (minimal satu baris).</source>
        <translation>The office name is required (at least one line).</translation>
    </message>
    <message>
        <source>NIP atasan harus 18 angka (tanpa spasi atau titik).</source>
        <translation>The superior&apos;s NIP must be 18 digits (no spaces or dots).</translation>
    </message>
    <message>
        <source>Bahasa laporan harus &apos;id&apos; atau &apos;en&apos;.</source>
        <translation>The report language must be &apos;id&apos; or &apos;en&apos;.</translation>
    </message>
    <message>
        <source>Tanggal wajib halal UMK harus ditulis TTTT-BB-HH (misalnya 2026-10-17), atau kosong.</source>
        <translation>The micro/small halal obligation date must be written YYYY-MM-DD (for example 2026-10-17), or left empty.</translation>
    </message>
    <message>
        <source>Kode logo harus SHA-256 berupa 64 huruf heksadesimal kecil.</source>
        <translation>The logo code must be a SHA-256 of 64 lower-case hexadecimal characters.</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Nama produk wajib diisi.</source>
        <translation>The product name is required.</translation>
    </message>
    <message>
        <source>Nama produk paling banyak {max} huruf.</source>
        <translation>The product name may have at most {max} characters.</translation>
    </message>
    <message>
        <source>IKM pemilik produk tidak ditemukan.</source>
        <translation>The IKM that owns the product was not found.</translation>
    </message>
    <message>
        <source>Umur simpan harus berupa jumlah hari lebih dari 0, bukan {value}.</source>
        <translation>The shelf life must be a number of days above 0, not {value}.</translation>
    </message>
    <message>
        <source>Produk tidak dapat dipindah ke IKM lain; hapus lalu buat di IKM yang benar.</source>
        <translation>A product cannot be moved to another IKM; delete it and create it at the right IKM.</translation>
    </message>
    <message>
        <source>Hanya atasan yang dapat mengubah program pendampingan, mitra dan lembar panduan. Perubahan dari atasan sampai ke perangkat ini lewat sinkronisasi.</source>
        <translation>Only the supervisor can change mentoring programmes, partners and guidance sheets. The supervisor&apos;s changes reach this device by sync.</translation>
    </message>
    <message>
        <source>IKM ini tidak terdaftar dalam program tersebut.</source>
        <translation>This IKM is not enrolled in that programme.</translation>
    </message>
    <message>
        <source>Isian diagnosis &apos;{field}&apos; tidak ada pada templat diagnosis ini.</source>
        <translation>The diagnosis field &apos;{field}&apos; is not in this diagnosis template.</translation>
    </message>
    <message>
        <source>Jawaban untuk &apos;{label}&apos; tidak sesuai ({value}); {expected}.</source>
        <translation>The answer for &apos;{label}&apos; does not fit ({value}); {expected}.</translation>
    </message>
    <message>
        <source>isi angka {low} sampai {high}</source>
        <translation>enter a number from {low} to {high}</translation>
    </message>
    <message>
        <source>pilih salah satu: {choices}</source>
        <translation>choose one of: {choices}</translation>
    </message>
    <message>
        <source>isi ya atau tidak</source>
        <translation>answer yes or no</translation>
    </message>
    <message>
        <source>isi teks paling banyak 500 huruf</source>
        <translation>enter at most 500 characters of text</translation>
    </message>
    <message>
        <source>Tahap diagnosis &apos;{value}&apos; tidak dikenal.</source>
        <translation>Unknown diagnosis stage &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Lembar panduan</source>
        <translation>Guidance sheet</translation>
    </message>
    <message>
        <source>Topik &apos;{code}&apos; tidak ada dalam katalog.</source>
        <translation>Topic &apos;{code}&apos; is not in the catalogue.</translation>
    </message>
    <message>
        <source>Metode &apos;{value}&apos; tidak dikenal (demonstration, practice, document_review, discussion, assisted_application, field_trip).</source>
        <translation>Unknown method &apos;{value}&apos; (demonstration, practice, document_review, discussion, assisted_application, field_trip).</translation>
    </message>
    <message>
        <source>Lama pendampingan harus 0 sampai 24 jam (diisi {value}).</source>
        <translation>Mentoring time must be 0 to 24 hours (entered {value}).</translation>
    </message>
    <message>
        <source>Jumlah pekerja yang didampingi harus 0 sampai 500 (diisi {value}).</source>
        <translation>Workers reached must be 0 to 500 (entered {value}).</translation>
    </message>
    <message>
        <source>Mitra yang dipilih bukan mitra program ini.</source>
        <translation>The chosen partner is not a partner of this programme.</translation>
    </message>
    <message>
        <source>Logbook kunjungan hanya diisi oleh petugas kunjungan itu atau atasan.</source>
        <translation>A visit&apos;s logbook is filled only by that visit&apos;s officer or the supervisor.</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Nama mitra wajib diisi.</source>
        <translation>The partner name is required.</translation>
    </message>
    <message>
        <source>Jenis mitra &apos;{value}&apos; tidak dikenal (university, provincial_agency, ministry, bpom, halal_body, bank_csr, other).</source>
        <translation>Unknown partner kind &apos;{value}&apos; (university, provincial_agency, ministry, bpom, halal_body, bank_csr, other).</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Sasaran &apos;{code}&apos; tidak ada dalam katalog sasaran.</source>
        <translation>Target &apos;{code}&apos; is not in the target catalogue.</translation>
    </message>
    <message>
        <source>Tenggat sasaran ({due}) harus di dalam masa program ({start} s.d. {end}).</source>
        <translation>The target deadline ({due}) must fall within the programme ({start} to {end}).</translation>
    </message>
    <message>
        <source>Tanggal tercapai ({done}) tidak boleh sebelum program dimulai ({start}).</source>
        <translation>The date met ({done}) cannot be before the programme started ({start}).</translation>
    </message>
    <message>
        <source>Indikator sasaran wajib diisi.</source>
        <translation>The target indicator is required.</translation>
    </message>
    <message>
        <source>Program pendampingan</source>
        <translation>Mentoring programme</translation>
    </message>
    <message>
        <source>Nama program wajib diisi.</source>
        <translation>The programme name is required.</translation>
    </message>
    <message>
        <source>Tanggal selesai program ({end}) harus sesudah tanggal mulai ({start}).</source>
        <translation>The programme end date ({end}) must be after its start date ({start}).</translation>
    </message>
    <message>
        <source>Jarak antarkunjungan harus 1 sampai 90 hari (diisi {value}).</source>
        <translation>The time between visits must be 1 to 90 days (entered {value}).</translation>
    </message>
    <message>
        <source>Jam minimum per kunjungan harus 0 sampai 12 jam (diisi {value}).</source>
        <translation>Minimum hours per visit must be 0 to 12 (entered {value}).</translation>
    </message>
    <message>
        <source>Tunjuk paling sedikit satu petugas pendamping untuk program ini.</source>
        <translation>Assign at least one mentoring officer to this programme.</translation>
    </message>
    <message>
        <source>{what} yang dipilih untuk program tidak ditemukan (id {id}).</source>
        <translation>The {what} chosen for the programme was not found (id {id}).</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Berkas {path} bukan berkas Excel (.xlsx) yang terbaca.</source>
        <translation>The file {path} is not a readable Excel (.xlsx) file.</translation>
    </message>
    <message>
        <source>Baris judul harus memuat kolom Tahun, Pelatihan, dan NIB atau Nama IKM (ditemukan: {found}).</source>
        <translation>The heading row must hold the columns Tahun, Pelatihan, and NIB or Nama IKM (found: {found}).</translation>
    </message>
    <message>
        <source>Baris {row}: {problem}. Tidak ada yang diimpor; perbaiki berkasnya lalu coba lagi.</source>
        <translation>Row {row}: {problem}. Nothing was imported; correct the file and try again.</translation>
    </message>
    <message>
        <source>tahun &apos;{value}&apos; bukan tahun 1980-2100</source>
        <translation>year &apos;{value}&apos; is not a year from 1980 to 2100</translation>
    </message>
    <message>
        <source>nama pelatihan kosong</source>
        <translation>the training name is empty</translation>
    </message>
    <message>
        <source>IKM &apos;{value}&apos; tidak ditemukan</source>
        <translation>IKM &apos;{value}&apos; not found</translation>
    </message>
    <message>
        <source>Templat daftar periksa &apos;{code}&apos; tidak ada.</source>
        <translation>Checklist template &apos;{code}&apos; does not exist.</translation>
    </message>
    <message>
        <source>Produk yang dipilih bukan milik IKM yang dikunjungi.</source>
        <translation>The chosen product does not belong to the visited IKM.</translation>
    </message>
    <message>
        <source>Batas waktu butir {item} ({due}) tidak boleh sebelum tanggal pemeriksaan ({on}).</source>
        <translation>The deadline of item {item} ({due}) must not be before the check date ({on}).</translation>
    </message>
    <message>
        <source>Batas waktu butir {item} ({due}) terlalu jauh; periksa tahunnya.</source>
        <translation>The deadline of item {item} ({due}) is too far ahead; check the year.</translation>
    </message>
    <message>
        <source>Pemeriksaan mutu</source>
        <translation>Quality check</translation>
    </message>
    <message>
        <source>Butir &apos;{item}&apos; tidak ada di templat {template} versi {version}</source>
        <translation>Item &apos;{item}&apos; is not in template {template} version {version}</translation>
    </message>
    <message>
        <source>Jawaban butir &apos;{item}&apos; tidak sah untuk jenis {answer}: {value}</source>
        <translation>The answer to item &apos;{item}&apos; is not valid for type {answer}: {value}</translation>
    </message>
    <message>
        <source>Jawaban butir &apos;{item}&apos; = {value} di luar rentang {min} sampai {max}</source>
        <translation>The answer to item &apos;{item}&apos; = {value} is outside the range {min} to {max}</translation>
    </message>
    <message>
        <source>Butir &apos;{item}&apos; selalu berlaku: jawaban &quot;tidak berlaku&quot; tidak diterima</source>
        <translation>Item &apos;{item}&apos; always applies: the answer &quot;not applicable&quot; is not accepted</translation>
    </message>
    <message>
        <source>Nama desa wajib diisi.</source>
        <translation>The village name is required.</translation>
    </message>
    <message>
        <source>Nama desa paling banyak {max} huruf.</source>
        <translation>The village name may have at most {max} characters.</translation>
    </message>
    <message>
        <source>Desa {name} sudah ada di kecamatan {kecamatan}.</source>
        <translation>Village {name} already exists in kecamatan {kecamatan}.</translation>
    </message>
    <message>
        <source>Nama desa {name} hanya dapat diubah oleh kepala seksi, karena desa itu tidak ditambahkan di perangkat ini.</source>
        <translation>Desa {name} can only be renamed by the section head, because it was not added on this device.</translation>
    </message>
    <message>
        <source>Kecamatan yang dipilih tidak ditemukan.</source>
        <translation>The chosen kecamatan was not found.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {detail}</source>
        <translation>The file {path} cannot be read as Excel (.xlsx) or CSV: {detail}</translation>
    </message>
    <message>
        <source>Berkas {path} memuat lebih dari {limit} baris data; sekali impor paling banyak {limit} baris. Bagi berkas menjadi beberapa bagian lalu impor satu per satu.</source>
        <translation>{path} holds more than {limit} data rows; one import takes at most {limit} rows. Split the file into parts and import them one by one.</translation>
    </message>
    <message>
        <source>Jenis berkas {path} tidak didukung; pilih berkas .xlsx atau .csv.</source>
        <translation>The file type of {path} is not supported; choose an .xlsx or .csv file.</translation>
    </message>
    <message>
        <source>Lembar &apos;{sheet}&apos; tidak ada di berkas ini; lembar yang ada: {sheets}.</source>
        <translation>Sheet &apos;{sheet}&apos; is not in this file; the sheets are: {sheets}.</translation>
    </message>
    <message>
        <source>Baris judul kolom tidak ditemukan di {rows} baris pertama. Pastikan ada baris berisi judul seperti &apos;Nama IKM&apos;, &apos;Pemilik&apos;, &apos;Kecamatan&apos;.</source>
        <translation>No column heading row was found in the first {rows} rows. Make sure a row holds headings such as &apos;Nama IKM&apos;, &apos;Pemilik&apos;, &apos;Kecamatan&apos;.</translation>
    </message>
    <message>
        <source>Pilih kolom yang berisi nama IKM sebelum melanjutkan.</source>
        <translation>Choose the column holding the IKM name before you continue.</translation>
    </message>
    <message>
        <source>Pilih kolom yang berisi kecamatan sebelum melanjutkan.</source>
        <translation>Choose the column holding the kecamatan before you continue.</translation>
    </message>
    <message>
        <source>Pemetaan kolom tidak sah: {detail}</source>
        <translation>The column mapping is not valid: {detail}</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada data yang diubah.</source>
        <translation>Import cancelled; no data was changed.</translation>
    </message>
    <message>
        <source>Nama IKM kosong; baris dilewati.</source>
        <translation>The IKM name is empty; row skipped.</translation>
    </message>
    <message>
        <source>Nama IKM lebih dari {max} huruf; baris dilewati.</source>
        <translation>The IKM name has more than {max} characters; row skipped.</translation>
    </message>
    <message>
        <source>Kecamatan kosong; baris dilewati.</source>
        <translation>The kecamatan is empty; row skipped.</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{value}&apos; tidak dikenal; mungkin maksudnya &apos;{suggestion}&apos;. Baris dilewati.</source>
        <translation>Unknown kecamatan &apos;{value}&apos;; perhaps &apos;{suggestion}&apos; was meant. Row skipped.</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{value}&apos; tidak dikenal; baris dilewati.</source>
        <translation>Unknown kecamatan &apos;{value}&apos;; row skipped.</translation>
    </message>
    <message>
        <source>NIK tersimpan sebagai angka yang sudah dibulatkan Excel ({value}); angka aslinya hilang. NIK tidak diimpor: ketik ulang sebagai teks.</source>
        <translation>The NIK is stored as a number Excel has rounded ({value}); the original digits are lost. The NIK was not imported: type it again as text.</translation>
    </message>
    <message>
        <source>NIK &apos;{value}&apos; bukan 16 angka; NIK tidak diimpor.</source>
        <translation>NIK &apos;{value}&apos; is not 16 digits; the NIK was not imported.</translation>
    </message>
    <message>
        <source>Nomor HP &apos;{value}&apos; tidak sah; nomor tidak diimpor.</source>
        <translation>Mobile number &apos;{value}&apos; is not valid; the number was not imported.</translation>
    </message>
    <message>
        <source>Nomor HP tersimpan sebagai angka sehingga angka 0 di depan hilang; dibaca sebagai {value}.</source>
        <translation>The mobile number is stored as a number, so its leading 0 was lost; read as {value}.</translation>
    </message>
    <message>
        <source>{field} tertulis sebagai teks &apos;{value}&apos;; dibaca sebagai {number}.</source>
        <translation>{field} is written as the text &apos;{value}&apos;; read as {number}.</translation>
    </message>
    <message>
        <source>{field} &apos;{value}&apos; bukan angka; kolom ini tidak diimpor.</source>
        <translation>{field} &apos;{value}&apos; is not a number; this column was not imported.</translation>
    </message>
    <message>
        <source>Skala usaha &apos;{value}&apos; tidak dikenal (mikro, kecil, menengah); tidak diimpor.</source>
        <translation>Unknown business scale &apos;{value}&apos; (mikro, kecil, menengah); not imported.</translation>
    </message>
    <message>
        <source>Klaster &apos;{value}&apos; tidak dikenal; dipakai klaster {cluster} dari komoditasnya.</source>
        <translation>Unknown cluster &apos;{value}&apos;; cluster {cluster} was taken from its commodity.</translation>
    </message>
    <message>
        <source>Desa &apos;{value}&apos; belum terdaftar di Kecamatan {kecamatan}; akan ditambahkan.</source>
        <translation>Village &apos;{value}&apos; is not registered in Kecamatan {kecamatan} yet; it will be added.</translation>
    </message>
    <message>
        <source>Sudah terdaftar dengan NIB yang sama; data yang ada diperbarui.</source>
        <translation>Already registered with the same NIB; the existing record is updated.</translation>
    </message>
    <message>
        <source>Sudah terdaftar dengan nama dan desa yang sama; data yang ada diperbarui.</source>
        <translation>Already registered with the same name and village; the existing record is updated.</translation>
    </message>
    <message>
        <source>Sudah terdaftar dan tidak ada yang berubah; baris dilewati.</source>
        <translation>Already registered and nothing changed; row skipped.</translation>
    </message>
    <message>
        <source>Namanya mirip IKM terdaftar &apos;{registered}&apos; di kecamatan yang sama; setelah impor periksa halaman IKM ganda.</source>
        <translation>The name is like the registered IKM &apos;{registered}&apos; in the same kecamatan; after the import check the Duplicate IKMs page.</translation>
    </message>
    <message>
        <source>IKM yang sama dengan baris {row}; produk dan data baris ini ditambahkan ke sana.</source>
        <translation>Same IKM as row {row}; this row&apos;s products and data are added to it.</translation>
    </message>
    <message>
        <source>Baris {row} tidak dapat disimpan: {detail}</source>
        <translation>Row {row} cannot be saved: {detail}</translation>
    </message>
    <message>
        <source>Triwulan harus ditulis TTTT-Qn, misalnya 2026-Q1: {value}</source>
        <translation>A quarter must be written YYYY-Qn, for example 2026-Q1: {value}</translation>
    </message>
    <message>
        <source>Tahun harus ditulis TTTT, misalnya 2026: {value}</source>
        <translation>A year must be written YYYY, for example 2026: {value}</translation>
    </message>
    <message>
        <source>Konflik ini sudah ditangani sebelumnya.</source>
        <translation>This conflict was already dealt with.</translation>
    </message>
    <message>
        <source>Hanya atasan yang dapat memutuskan konflik ini (data yang diatur atasan).</source>
        <translation>Only the supervisor can decide this conflict (data the supervisor manages).</translation>
    </message>
    <message>
        <source>Tidak ada penerima yang kuncinya dikenal. Berikan --to ID_PERANGKAT (perangkat yang sudah dipercaya), --passphrase-file BERKAS untuk mengunci dengan kata sandi, atau --plain untuk paket tanpa enkripsi.</source>
        <translation>No recipient with a known key. Give --to DEVICE_ID (a trusted device), --passphrase-file FILE to lock with a passphrase, or --plain for an unencrypted package.</translation>
    </message>
    <message>
        <source>Perangkat {device} belum dipercaya di sini; impor dulu kartu kuncinya (ikmdesk device trust).</source>
        <translation>Device {device} is not trusted here yet; import its key card first (ikmdesk device trust).</translation>
    </message>
    <message>
        <source>Kata sandi paket tidak boleh kosong.</source>
        <translation>The package passphrase must not be empty.</translation>
    </message>
    <message>
        <source>Kunci perangkat {name} sudah dicabut pada {date}; paket tidak ditulis untuknya.</source>
        <translation>The key of device {name} was revoked on {date}; no package is written for it.</translation>
    </message>
    <message>
        <source>Paket {name} ditandatangani dengan kunci perangkat {officer} yang sudah dicabut pada {date}; paket ditolak dan tidak ada yang berubah.</source>
        <translation>Package {name} is signed with the key of device {officer}, which was revoked on {date}; the package is refused and nothing changed.</translation>
    </message>
    <message>
        <source>Kata sandi paket terlalu pendek ({length} karakter): paling sedikit {minimum} karakter; beberapa kata lebih mudah diingat. Paket tidak ditulis.</source>
        <translation>The package passphrase is too short ({length} characters): it needs at least {minimum} characters; several words are easier to remember. No package was written.</translation>
    </message>
    <message>
        <source>Berkas {name} bukan kartu kunci IKMDesk yang sah: {detail}</source>
        <translation>The file {name} is not a valid IKMDesk key card: {detail}</translation>
    </message>
    <message>
        <source>Kartu kunci {name} adalah milik perangkat ini sendiri; tidak perlu dipercaya.</source>
        <translation>Key card {name} belongs to this device itself; there is no need to trust it.</translation>
    </message>
    <message>
        <source>Kunci perangkat {name} sudah dicabut pada {date}; perangkat itu tidak dapat dipercaya lagi. Petugasnya perlu menyiapkan perangkat baru dan mengirim kartu kuncinya.</source>
        <translation>The key of device {name} was revoked on {date}; that device cannot be trusted again. Its officer needs to set up a new device and send its key card.</translation>
    </message>
    <message>
        <source>Perangkat {device} tidak ada dalam daftar perangkat yang dipercaya.</source>
        <translation>Device {device} is not in the list of trusted devices.</translation>
    </message>
    <message>
        <source>Perangkat {device} sudah dipercaya dengan kunci lain (sidik jari {old}); kartu ini membawa sidik jari {new}. Tanyakan petugas yang bersangkutan sebelum melanjutkan.</source>
        <translation>Device {device} is already trusted with another key (fingerprint {old}); this card carries fingerprint {new}. Ask the officer concerned before you continue.</translation>
    </message>
    <message>
        <source>Tanggal kunjungan wajib diisi.</source>
        <translation>The visit date is required.</translation>
    </message>
    <message>
        <source>Tanggal kunjungan {value} masih di masa depan; isi tanggal kunjungan yang sudah terjadi.</source>
        <translation>The visit date {value} is in the future; enter the date of a visit that took place.</translation>
    </message>
    <message>
        <source>Tanggal kunjungan {value} terlalu lama; isi tanggal sejak tahun 2000.</source>
        <translation>The visit date {value} is too long ago; enter a date from the year 2000 on.</translation>
    </message>
    <message>
        <source>Tujuan kunjungan &apos;{value}&apos; tidak dikenal (mentoring, monitoring, follow_up, certification_support).</source>
        <translation>Unknown visit purpose &apos;{value}&apos; (mentoring, monitoring, follow_up, certification_support).</translation>
    </message>
    <message>
        <source>Status kunjungan &apos;{value}&apos; tidak dikenal (draft, submitted, returned, approved).</source>
        <translation>Unknown visit status &apos;{value}&apos; (draft, submitted, returned, approved).</translation>
    </message>
    <message>
        <source>IKM yang dikunjungi tidak ditemukan.</source>
        <translation>The visited IKM was not found.</translation>
    </message>
    <message>
        <source>Kunjungan ini sudah dikirim ke atasan untuk diperiksa, jadi tidak dapat diubah atau dihapus. Minta atasan mengembalikannya bila perlu diperbaiki.</source>
        <translation>This visit was submitted to the supervisor for review, so it cannot be changed or deleted. Ask the supervisor to return it if it needs correcting.</translation>
    </message>
    <message>
        <source>Kunjungan ini sudah disetujui, jadi tidak dapat diubah atau dihapus lagi.</source>
        <translation>This visit has been approved, so it can no longer be changed or deleted.</translation>
    </message>
    <message>
        <source>Kunjungan berstatus {current} tidak dapat diubah menjadi {target}.</source>
        <translation>A visit with status {current} cannot be changed to {target}.</translation>
    </message>
    <message>
        <source>Isi kegiatan, temuan atau rekomendasi kunjungan sebelum mengirimnya.</source>
        <translation>Fill in the visit&apos;s activities, findings or recommendations before submitting it.</translation>
    </message>
    <message>
        <source>Hanya perangkat penyelia (supervisor) yang dapat meninjau laporan kunjungan.</source>
        <translation>Only a supervisor device can review visit reports.</translation>
    </message>
    <message>
        <source>Kunjungan ini berstatus &apos;{status}&apos;; hanya kunjungan yang sudah dikirim yang dapat ditinjau.</source>
        <translation>This visit has status &apos;{status}&apos;; only submitted visits can be reviewed.</translation>
    </message>
    <message>
        <source>Tulis catatan untuk petugas: apa yang harus diperbaiki sebelum dikirim lagi.</source>
        <translation>Write a note for the officer: what must be corrected before submitting again.</translation>
    </message>
    <message>
        <source>Perubahan (amandemen) hanya untuk kunjungan yang sudah disetujui; kunjungan ini berstatus &apos;{status}&apos;.</source>
        <translation>Amendments are only for approved visits; this visit has status &apos;{status}&apos;.</translation>
    </message>
    <message>
        <source>Paket {name} memuat perubahan {op_id} yang isinya berbeda dari perubahan bernomor sama yang sudah ada di sini (di sini: {held}; di paket: {received}); paket ditolak.</source>
        <translation>Package {name} holds change {op_id} whose content differs from the change with the same number held here (here: {held}; in the package: {received}); package refused.</translation>
    </message>
    <message>
        <source>Paket {name} dari petugas memuat perubahan {op_id} atas nama perangkat lain ({author}); hanya atasan yang boleh meneruskan perubahan perangkat lain. Paket ditolak.</source>
        <translation>Package {name} from an officer holds change {op_id} in the name of another device ({author}); only the supervisor may pass on other devices&apos; changes. Package refused.</translation>
    </message>
    <message>
        <source>Paket {name} memuat perubahan {op_id} pada {entity}.{field} yang tidak boleh dibuat oleh perangkat {author} ({rule}); paket ditolak.</source>
        <translation>Package {name} holds change {op_id} to {entity}.{field} that device {author} may not make ({rule}); package refused.</translation>
    </message>
    <message>
        <source>Paket {name} memuat asal perubahan {origin} yang tidak sah ({detail}); paket ditolak.</source>
        <translation>Package {name} holds an invalid change origin {origin} ({detail}); package refused.</translation>
    </message>
    <message>
        <source>hanya perangkat itu sendiri</source>
        <translation>only that device itself</translation>
    </message>
    <message>
        <source>hanya atasan</source>
        <translation>only the supervisor</translation>
    </message>
    <message>
        <source>peran dan kunci perangkat tidak berubah</source>
        <translation>a device&apos;s role and keys never change</translation>
    </message>
    <message>
        <source>sudah dipakai sebagai perangkat atau asal lain</source>
        <translation>already in use as a device or another origin</translation>
    </message>
    <message>
        <source>Jam sinkronisasi perangkat ini sudah mencapai batas tahun 2100 karena sebuah paket; perubahan tidak disimpan. Hubungi atasan.</source>
        <translation>This device&apos;s sync clock has reached the year-2100 bound because of a package; the change was not saved. Contact the supervisor.</translation>
    </message>
    <message>
        <source>Berkas {name} bukan paket sinkronisasi IKMDesk, atau rusak/terpotong ({detail}).</source>
        <translation>The file {name} is not an IKMDesk sync package, or it is damaged/truncated ({detail}).</translation>
    </message>
    <message>
        <source>Paket {name} terlalu besar ({detail}); batasnya {limit} bita. Paket ditolak.</source>
        <translation>Package {name} is too large ({detail}); the limit is {limit} bytes. Package refused.</translation>
    </message>
    <message>
        <source>Paket {name}: anggota {member} mengembang jauh melebihi ukurannya (bom zip). Paket ditolak.</source>
        <translation>Package {name}: member {member} expands far beyond its size (zip bomb). Package refused.</translation>
    </message>
    <message>
        <source>Paket {name} memuat anggota dengan nama yang tidak diizinkan: {member}</source>
        <translation>Package {name} holds a member with a name that is not allowed: {member}</translation>
    </message>
    <message>
        <source>Paket {name} memuat anggota bernama sama lebih dari sekali: {member}</source>
        <translation>Package {name} holds a member with the same name more than once: {member}</translation>
    </message>
    <message>
        <source>Paket {name} tidak lengkap: anggota {member} yang tercantum di manifest tidak ada.</source>
        <translation>Package {name} is incomplete: member {member} listed in the manifest is missing.</translation>
    </message>
    <message>
        <source>Paket {name} memuat anggota {member} yang tidak tercantum di manifest.</source>
        <translation>Package {name} holds member {member}, which is not listed in the manifest.</translation>
    </message>
    <message>
        <source>Paket {name} tidak memiliki manifest.json.</source>
        <translation>Package {name} has no manifest.json.</translation>
    </message>
    <message>
        <source>manifest.json dalam paket {name} tidak sah: {detail}</source>
        <translation>The manifest.json in package {name} is not valid: {detail}</translation>
    </message>
    <message>
        <source>Paket {name} memakai format versi {found}; aplikasi ini membaca format versi {known}. Perbarui IKMDesk untuk membukanya.</source>
        <translation>Package {name} uses format version {found}; this application reads format version {known}. Update IKMDesk to open it.</translation>
    </message>
    <message>
        <source>Paket {name} tidak bertanda tangan (manifest.sig tidak ada); paket ditolak.</source>
        <translation>Package {name} is not signed (manifest.sig is missing); package refused.</translation>
    </message>
    <message>
        <source>Tanda tangan paket {name} tidak cocok: paket telah diubah atau bukan dari pengirimnya.</source>
        <translation>The signature of package {name} does not match: the package was changed or is not from its sender.</translation>
    </message>
    <message>
        <source>Anggota {member} dalam paket {name} rusak atau diubah (SHA-256 tidak cocok).</source>
        <translation>Member {member} in package {name} is damaged or changed (SHA-256 does not match).</translation>
    </message>
    <message>
        <source>Anggota {member} dalam paket {name} tidak dapat dibaca ({detail}).</source>
        <translation>Member {member} in package {name} cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>Paket {name} berasal dari perangkat yang belum dipercaya: {officer} ({role}), sidik jari {fingerprint}. Cocokkan sidik jari dengan pengirim, lalu impor dengan --trust.</source>
        <translation>Package {name} comes from a device that is not trusted yet: {officer} ({role}), fingerprint {fingerprint}. Compare the fingerprint with the sender, then import with --trust.</translation>
    </message>
    <message>
        <source>Kunci perangkat pengirim paket {name} berbeda dari kunci yang dipercaya untuk perangkat itu (sidik jari {fingerprint}); paket ditolak.</source>
        <translation>The sending device&apos;s key in package {name} differs from the key trusted for that device (fingerprint {fingerprint}); package refused.</translation>
    </message>
    <message>
        <source>Paket {name} dibuat oleh perangkat ini sendiri; tidak ada yang perlu diimpor.</source>
        <translation>Package {name} was made by this device itself; there is nothing to import.</translation>
    </message>
    <message>
        <source>Paket {name} dienkripsi untuk perangkat lain ({recipient}); perangkat ini tidak dapat membukanya.</source>
        <translation>Package {name} is encrypted for another device ({recipient}); this device cannot open it.</translation>
    </message>
    <message>
        <source>Paket {name} dibuat untuk perangkat lain ({recipient}), bukan untuk perangkat ini; paket ditolak.</source>
        <translation>Package {name} was made for another device ({recipient}), not this one; the package was refused.</translation>
    </message>
    <message>
        <source>Paket {name} dikunci dengan kata sandi; berikan kata sandinya (--passphrase-file).</source>
        <translation>Package {name} is locked with a passphrase; give the passphrase (--passphrase-file).</translation>
    </message>
    <message>
        <source>Kata sandi untuk paket {name} salah.</source>
        <translation>The passphrase for package {name} is wrong.</translation>
    </message>
    <message>
        <source>Isi paket {name} tidak dapat dibuka dengan kunci perangkat ini.</source>
        <translation>The contents of package {name} cannot be opened with this device&apos;s key.</translation>
    </message>
    <message>
        <source>Paket {name} memuat perubahan yang tidak sah (baris {line}): {detail}</source>
        <translation>Package {name} holds an invalid change (line {line}): {detail}</translation>
    </message>
    <message>
        <source>Paket {name} mengaku dikirim oleh {claimed}, padahal kunci pengirimnya dipercaya sebagai {trusted}; paket ditolak.</source>
        <translation>Package {name} claims to come from a {claimed}, but its sender&apos;s key is trusted as a {trusted}; the package was refused.</translation>
    </message>
    <message>
        <source>Paket {name} mengaku memuat perubahan pengirim yang tidak ada di dalamnya ({detail}); paket ditolak. Minta pengirim membuat paket lengkap (--full).</source>
        <translation>Package {name} claims sender changes it does not hold ({detail}); the package was refused. Ask the sender for a full package (--full).</translation>
    </message>
    <message>
        <source>Paket {name} memuat {count} perubahan atas satu isian ({field}); batasnya {limit} per paket. Paket ditolak.</source>
        <translation>Package {name} holds {count} changes to one field ({field}); the limit is {limit} per package. The package was refused.</translation>
    </message>
    <message>
        <source>Paket {name} memuat perubahan atas nama perangkat ini yang tidak pernah dibuatnya; paket ditolak.</source>
        <translation>Package {name} holds changes in this device&apos;s name that it never made; package refused.</translation>
    </message>
    <message>
        <source>Paket {name}: jumlah isi tidak sesuai manifest ({detail}).</source>
        <translation>Package {name}: the counts do not match the manifest ({detail}).</translation>
    </message>
    <message>
        <source>Perubahan dari paket {name} tidak dapat diterapkan ({detail}); basis data tidak diubah. Minta pengirim membuat paket lengkap (--full).</source>
        <translation>The changes from package {name} cannot be applied ({detail}); the database was not changed. Ask the sender to make a full package (--full).</translation>
    </message>
    <message>
        <source>Paket yang ditulis ke {path} gagal diperiksa ulang ({detail}); berkas tidak disimpan. Coba flashdisk atau folder lain.</source>
        <translation>The package written to {path} failed its re-check ({detail}); the file was not kept. Try another USB stick or folder.</translation>
    </message>
    <message>
        <source>Paket tidak dapat ditulis ke {path}: {detail}. Tidak ada berkas paket yang tertinggal; periksa ruang kosong dan flashdisk, lalu coba lagi.</source>
        <translation>The package cannot be written to {path}: {detail}. No package file was left behind; check the free space and the USB stick, then try again.</translation>
    </message>
    <message>
        <source>Paket {name} ditolak: perubahan {op_id} bercap waktu tidak sesudah perubahan sebelumnya dari asal yang sama ({previous}); paket rusak atau dipalsukan, tidak ada yang berubah.</source>
        <translation>Package {name} refused: change {op_id} is stamped no later than the previous change of the same origin ({previous}); the package is damaged or forged, and nothing changed.</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
</context>
<context>
    <name>registry_import</name>
    <message>
        <source>Nama IKM</source>
        <translation>IKM name</translation>
    </message>
    <message>
        <source>Nama pemilik</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <source>NIK pemilik</source>
        <translation>Owner NIK</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Klaster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Komoditas</source>
        <translation>Commodity</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Nomor P-IRT</source>
        <translation>P-IRT number</translation>
    </message>
    <message>
        <source>NIB</source>
        <translation>NIB</translation>
    </message>
    <message>
        <source>KBLI</source>
        <translation>KBLI</translation>
    </message>
    <message>
        <source>Jumlah tenaga kerja</source>
        <translation>Number of workers</translation>
    </message>
    <message>
        <source>Kapasitas produksi</source>
        <translation>Production capacity</translation>
    </message>
    <message>
        <source>Skala usaha</source>
        <translation>Business scale</translation>
    </message>
</context>
<context>
    <name>unsaved_guard</name>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>window_messages</name>
    <message>
        <source>Paket {name} berasal dari perangkat yang belum dipercaya: {officer} ({role}), sidik jari {fingerprint}. Impor lagi dan percayai pengirimnya bila sidik jarinya cocok.</source>
        <translation>Package {name} comes from a device that is not trusted: {officer} ({role}), fingerprint {fingerprint}. Import it again and trust the sender if the fingerprint matches.</translation>
    </message>
    <message>
        <source>Paket {name} dikunci dengan kata sandi; impor lagi dan masukkan kata sandinya.</source>
        <translation>Package {name} is locked with a passphrase; import it again and enter the passphrase.</translation>
    </message>
    <message>
        <source>Perubahan dari paket {name} tidak dapat diterapkan ({detail}); basis data tidak diubah. Minta pengirim mengekspor lagi dengan “Semua perubahan (paket lengkap)” dicentang.</source>
        <translation>The changes in package {name} cannot be applied ({detail}); the database was not changed. Ask the sender to export again with “All changes (full package)” ticked.</translation>
    </message>
    <message>
        <source>Kunci penerima belum dikenal di perangkat ini. Impor kartu kunci penerima di halaman Sinkronisasi, atau kunci paket dengan kata sandi.</source>
        <translation>The recipient&apos;s key is not known on this device yet. Import the recipient&apos;s key card on the Sync page, or lock the package with a passphrase.</translation>
    </message>
    <message>
        <source>Perangkat {device} belum dipercaya di sini; impor dulu kartu kuncinya di halaman Sinkronisasi.</source>
        <translation>Device {device} is not trusted here yet; first import its key card on the Sync page.</translation>
    </message>
    <message>
        <source>Perangkat ini belum disiapkan. Isi identitas petugas dulu.</source>
        <translation>This device has not been set up yet. Fill in the officer&apos;s identity first.</translation>
    </message>
</context>
</TS>
