"""Malay (Bahasa Malaysia) dev utterances, written by hand by the qa team (2026-11), separately from the training lists.

Every line here is in the ``dev`` split; nothing here is a translation or paraphrase of a line in
``sentences_*.py``. Same format and labelling rules as ``sentences_ms.py`` (see ``README.md``):
Malaysian usage, standard and colloquial, no Indonesian forms.
"""

RAW = r"""
# ---- empathy ----
E|a|Mesti encik panik bila kaunter sewa kereta kat lapangan terbang kata tak ada kereta.
E|a|Dapur dah banjir, lepas tu kena tunggu seminggu untuk penilai datang, memang berat untuk puan.
E|a|Puan tempah bilik tu berbulan-bulan awal untuk ulang tahun perkahwinan, patutlah puan kecewa.
E|a|Tak tahu ubat sampai ke tidak, mesti encik risau sangat.
E|a|Sepanjang petang kena pindah ke tiga jabatan, tentu puan dah penat.
E|a|Dah lima kali hantar e-mel tapi tak ada orang balas, saya faham kenapa encik rasa tak dipedulikan.
E|a|Encik guna kereta tu setiap hari untuk pergi kerja, jadi bila rosak, satu minggu jadi huru-hara.
E|a|Gim tutup berbulan-bulan tapi yuran tetap dipotong, memang patut puan marah.
E|a|Dah bayar pakej premium tapi hujung minggu tak boleh tengok, mestilah encik rasa tertipu.
E|a|Terima SMS caj overdraf masa cuti, memang menyakitkan hati.
E|a|Puan tunggu dua jam kat luar dengan anak kecil, kesian puan.
E|c|Awak pun mesti penat layan komplen macam ni sepanjang hari.
# ---- empathy + apology ----
EA|a|Saya betul-betul minta maaf, saya tahu encik dah susun seluruh hujung minggu ikut penghantaran tu.
EA|a|Mesti puan rasa malu dan geram masa daftar masuk tadi, saya mohon maaf sebab sistem tempahan kami bermasalah.
EA|a|Pemandu tu cakap macam tu dengan encik, mesti encik terasa. Saya minta maaf bagi pihak syarikat.
EA|a|Maaf sangat, sebulan puan terpaksa kejar benda ni, memang memenatkan.
EA|a|Keahlian dah dibatalkan tapi duit masih ditolak, sesiapa pun akan marah. Salah kami, kami minta maaf.
# ---- empathy + vague resolution ----
EV|a|Saya tahu encik perlukan kereta minggu ni, biar saya tengok apa yang boleh diaturkan.
EV|a|Awal-awal percutian dah jadi macam ni, mesti puan stres. Kami akan cuba selesaikan.
EV|a|Tak ada ubat memang membimbangkan, saya akan minta pihak berkenaan semak.
# ---- apology ----
A|a|Maaf, kami patut beritahu puan kolam renang ditutup sepanjang penginapan puan.
A|a|E-mel pembaharuan tu sepatutnya tak dihantar kepada encik. Minta maaf ya.
A|a|Itu silap pihak kami, saya minta maaf.
A|a|Saya mohon maaf, ahli farmasi sepatutnya periksa dos sebelum ubat dihantar.
A|a|Saya memohon maaf atas sikap pemandu kami.
A|a|Maaf, tadi saya bagi waktu operasi yang salah.
A|a|Kami yang tak uruskan tempahan ni dengan baik, maafkan kami.
A|a|Minta maaf, aplikasi kami caj tambang yang sama dua kali.
A|c|Maaf, rasanya saya yang salah tempah tarikh.
A|c|Eh, sorry, tadi saya bagi e-mel lama.
# ---- apology + specific resolution ----
AS|a|Maaf ya, RM12.90 tu dah saya pulangkan ke kad encik, masuk dalam tiga hari.
AS|a|Minta maaf buat puan tunggu. Saya dah tempah kereta ganti di cawangan bandar, boleh ambil esok pukul 9 pagi.
AS|a|Silap saya, maaf. Tempahan dah tukar ke 14 haribulan dan pengesahan baru dah masuk e-mel encik.
AS|a|Saya mohon maaf. Sofa yang salah hantar tu kami ambil hari Jumaat antara pukul 8 hingga 12 tengah hari.
# ---- apology + vague resolution ----
AV|a|Maaf menyusahkan puan, saya serahkan pada unit tuntutan untuk disemak.
AV|a|Minta maaf, kami cuba cepatkan bayaran balik tu.
AV|a|Maaf ya, serahkan pada saya, nanti saya tengok apa boleh buat.
# ---- specific resolution ----
S|a|Keahlian encik dah dibatalkan mulai hari ni dan yuran RM35 bulan lepas dah dipulangkan.
S|a|Ubat ganti akan dipos petang ni guna kurier dan sampai esok sebelum tengah hari.
S|a|Saya dah naik taraf bilik puan ke suite pemandangan laut untuk ketiga-tiga malam, percuma.
S|a|Penilai kami, Encik Rahman, akan datang ke rumah puan hari Selasa pukul 10 pagi untuk periksa kerosakan.
S|a|Saya masukkan 500 mata ganjaran sekarang, encik refresh aplikasi nanti nampaklah.
S|a|Caj lewat pulang RM40 dah saya kecualikan, jadi invois akhir RM120.
S|a|Esok pukul 3 petang saya sendiri telefon puan untuk maklumkan hasil siasatan.
S|a|Encik datang ke kedai kami di Jalan Ampang pagi Sabtu, skrin kami tukar percuma.
S|a|Caj overdraf dah dibatalkan dan saya tambah RM10 sebagai tanda maaf, kedua-duanya masuk sebelum malam ni.
S|a|Hari Isnin kami ambil mesin basuh yang rosak dan pasang yang baru dalam lawatan yang sama.
S|a|Langganan puan saya lanjutkan sebulan percuma bermula hari ni.
S|a|Saya dah naikkan kes ni kepada pengurus perhubungan pelanggan, Puan Aisyah, dan dia akan e-mel encik sebelum Khamis.
S|a|Kasut saiz betul dah dihantar, sampai esok, dan label pemulangan ada dalam e-mel yang saya baru hantar.
S|c|Kalau duit tu masuk sebelum Isnin, saya anggap selesai.
# ---- vague resolution ----
V|a|Nanti saya tanya orang yang uruskan tuntutan puan.
V|a|Pasal bilik tu, kami tengok apa yang boleh dibuat.
V|a|Pihak kedai akan hubungi encik nanti.
V|a|Saya cuba dapatkan diskaun untuk puan.
V|a|Biar saya siasat apa jadi dengan tempahan tu dan maklumkan semula.
V|a|Kereta tu kami akan periksa bila ada masa.
V|a|Saya mohonkan pampasan untuk encik, nanti kita tengok.
V|a|Pasukan kami akan semak akaun puan dan uruskan.
V|a|Saya tengok kalau ada apa-apa yang kami boleh tawarkan.
V|a|Kami akan betulkan, saya janji.
V|a|Saya akan buat aduan pasal pemandu tu.
V|a|Harap-harap caj tu boleh dibatalkan.
V|a|Saya tanya ketua pasukan apa yang boleh dibuat.
V|c|Sekurang-kurangnya tolong semak apa yang tak kena.
CV|a|Kebanyakan orang boleh reset sendiri, tapi tak apalah, saya hantar orang.
# ---- arguing ----
R|a|Tak betul tu, bilik dah dibersihkan sebelum puan daftar masuk.
R|a|Encik mesti terbiar lampu menyala, bateri tak habis sendiri.
R|a|Hotel terlebih tempah tu bukan masalah kami, puan tempah melalui laman web lain.
R|a|Ahli farmasi kami tak pernah cakap macam tu.
R|a|Encik batal lepas tarikh tutup, jadi caj tu tetap dikenakan.
R|a|Kemek tu dah ada masa puan ambil kereta, tertulis dalam borang yang puan tandatangan.
R|a|Kalau encik beritahu pasal alahan masa pesan, benda ni takkan jadi.
R|a|Tuntutan masih dalam tempoh biasa, saya tak faham kenapa puan nak marah.
R|a|Gambar puan sendiri tunjuk retak tu dah ada sebelum dibaiki, jadi bukan salah kami.
R|a|Aplikasi tu tak ada masalah langsung, telefon puan yang bermasalah.
R|c|Bukan macam tu, kawan awak dah janji bayaran balik penuh.
R|c|Saya tak batalkan, pihak awak yang batalkan.
R|c|Jangan salahkan cuaca, syarikat penerbangan lain terbang macam biasa.
R|c|Saya tak pernah tandatangan apa-apa pasal caj pembersihan, jangan cakap saya setuju.
# ---- arguing + condescension ----
RC|a|Apa yang susah sangat, baca saja e-mel pengesahan macam orang lain.
RC|a|Encik jelas tak semak tarikh, benda tu kebanyakan orang boleh buat.
RC|a|Kami tak buat salah apa-apa, lain kali baca perjanjian sewa dulu sebelum tandatangan.
RC|a|Kalau puan dengar betul-betul dari awal, puan dah tahu gim tu tutup untuk baik pulih.
RC|a|Mesin tu elok saja, ikut arahan pun tak reti ke? Bukan susah mana pun.
RC|c|Awak langsung tak tahu apa awak cakap, invois tu saya dah bayar berminggu-minggu lepas.
# ---- condescension ----
C|a|Lain kali semak tempahan dulu sebelum bertolak.
C|a|Encik patut bersyukur kami bagi apa-apa pun.
C|a|Tengok, dah boleh. Cuma tak cas saja rupanya.
C|a|Kali ni saya bagi pengecualian, tapi lain kali jangan harap.
C|a|Saya terangkan satu-satu, nampaknya puan susah nak faham.
C|a|Saya ingatkan benda tu dah jelas sangat, tapi takpelah.
C|a|Terus terang cakap, budak kecil pun boleh guna aplikasi ni.
C|a|Lepas ni bacalah tulisan kecil tu, bukan saja-saja orang tulis.
C|a|Saya dah langgar peraturan untuk encik, harap encik hargai.
C|a|Ada pelanggan yang memang tak berapa pandai bab teknologi, biasalah.
C|c|Wah, hebatnya, pakar betul yang jawab telefon ni.
C|c|Awak ni ada latihan ke tak, atau main cakap ikut suka?
CS|a|Tempahan dah saya refund, walaupun sebenarnya kami tak wajib buat.
CS|a|Yalah, pengecas baru kami pos hari ni, tapi tolong jangan hilangkan lagi.
# ---- backchannel ----
B|a|Ya, ya, faham.
B|a|Hmm, okey, okey.
B|a|Ha, ceritalah.
B|a|Oh, macam tu rupanya.
B|a|Okey, saya faham.
B|a|Ha'ah, betul tu.
B|a|Ya, memang.
B|a|Oh, okey, okey.
B|a|Mm, dengar, dengar.
B|a|Mm, ya, ya.
B|a|Okey, puan.
B|a|Hmm, lepas tu?
B|a|Eh, ya ke?
B|a|Faham, encik.
B|a|Yalah, yalah.
B|a|Hmm, hmm.
B|c|Ha, okey, okey.
B|c|Mm, okey.
B|c|Hmm, ya, ya.
B|c|Ya, saya masih ada.
# ---- neutral ----
-|a|Selamat petang, Hotel Pesisir, saya Aina bercakap.
-|a|Boleh saya dapatkan nombor tempahan puan?
-|a|Kereta tu model apa dan warna apa?
-|a|Boleh encik sahkan tarikh lahir?
-|a|Bila kali terakhir puan guna gim?
-|a|Encik pesan dari cawangan farmasi yang mana?
-|a|Sekejap, saya cari fail tuntutan puan dalam sistem.
-|a|E-mel yang berakhir dengan gmail dot com tu masih betul?
-|a|Dah berapa lama skrin tu berkelip?
-|a|Tunggu sekejap ya, saya semak dengan gudang.
-|a|Terima kasih sebab sudi tunggu.
-|a|Saya nampak ada dua bayaran dalam akaun bulan ni.
-|a|Tempahan dibuat pada 3 haribulan untuk tiga malam.
-|a|Kotak asal masih ada lagi?
-|a|Puan tempah kereta tu pukul berapa?
-|a|Selain tu, ada lagi yang encik perlukan?
-|a|Terima kasih kerana menghubungi kami, selamat petang.
-|a|Boleh saya ambil nombor telefon kalau-kalau talian terputus?
-|c|Saya telefon pasal satu caj dalam kad kredit saya.
-|c|Nombor tempahan HX4471.
-|c|Benda ni jadi Sabtu malam.
-|c|Saya dah jadi ahli lebih kurang tiga tahun.
-|c|Tengah guna tiba-tiba skrin jadi hitam.
-|c|Jadi lepas ni saya kena buat apa?
-|c|Baik, terima kasih ya, assalamualaikum.
# ---- hard negatives ----
-|a|Alamak, ye ke. Nama penuh puan siapa?|ucapan rutin sebelum aduan didengar, bukan empati
-|a|Maaf, suara encik terputus tadi, apa yang encik cakap last sekali?|"maaf" sebab talian, bukan permohonan maaf
-|a|Maaf, boleh eja nama jalan tu?|sopan masa minta penjelasan, bukan permohonan maaf
-|a|Maaf ya, tunggu sekejap saya buka tempahan.|sopan masa minta tunggu, bukan permohonan maaf
-|c|Maaf, tapi saya dah bayar untuk servis yang saya tak dapat.|"maaf, tapi" pelanggan cuma melembutkan aduan, tiada tanggungjawab diambil
-|c|Saya marah sangat, hujung minggu ni sepatutnya untuk berehat.|perasaan pelanggan sendiri, bukan empati
-|c|Semua rancangan saya minggu ni dah rosak.|pelanggan menerangkan keadaan sendiri, bukan empati
-|a|Ikut polisi pembatalan, kena maklum 48 jam awal baru boleh dapat bayaran balik.|membaca polisi, bukan penyelesaian; tenang, bukan bertekak
-|a|Tak ada apa lagi yang saya boleh buat dari sini.|"tak boleh buat apa" bukan penyelesaian
-|a|Yang tu encik kena tanya hotel terus.|menolak pelanggan ke pihak lain, bukan penyelesaian
-|a|Tuntutan cermin depan diuruskan oleh syarikat rakan kami, saya boleh bagi nombor mereka.|menolak ke pihak lain, bukan penyelesaian; tenang, bukan bertekak
-|a|Unit tuntutan tutup hujung minggu, jadi hari ni tak boleh lulus.|menolak tanpa penyelesaian
-|a|Saya pun tak pasti apa yang jadi, kena tanya dulu.|jawapan tak pasti, tiada penyelesaian ditawarkan
-|a|Caj tu caj isi minyak biasa, sebab kereta dipulangkan dengan suku tangki.|penjelasan caj dengan tenang, bukan bertekak
-|a|Sistem tunjuk barang dihantar pukul 4.50, saya tahu itu tak sama dengan apa yang puan nampak.|fakta yang diterangkan dengan tenang sambil menerima pandangan pelanggan, bukan bertekak
-|a|Betul cakap encik, caj resort tu patut ditunjuk masa bayar.|bersetuju dengan pelanggan, bukan bertekak
-|a|Harga berubah mulai 1 haribulan, jadi pelan puan pun ikut berubah.|fakta yang tenang, bukan bertekak
-|a|Untuk makluman, bayaran balik ke kad kredit boleh ambil sampai sepuluh hari bekerja.|maklumat berguna, bukan merendah-rendahkan
-|a|Lain kali kalau lebih senang, encik boleh tempah pembaikan terus dalam aplikasi.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|a|Terima kasih sebab sabar dengan saya hari ni.|ucapan ikhlas, bukan sindiran
-|a|Terima kasih sebab terangkan dengan jelas.|ucapan ikhlas, bukan merendah-rendahkan
-|c|Bagus sangatlah, seminggu saya tak ada kereta.|pelanggan meluahkan geram tentang keadaan, bukan sindiran pada ejen
-|c|Hebat, satu lagi borang nak kena isi.|sindiran pelanggan tentang proses, bukan merendah-rendahkan
-|a|Ya, aplikasi log keluar sebab kata laluan direset hari Isnin.|mula dengan "ya" tapi terus menerangkan, bukan respons ringkas
-|a|Okey, jadi saya perlukan nombor kereta dan tarikh kemalangan.|mula dengan "okey" tapi mengambil giliran bercakap, bukan respons ringkas
-|a|Ya, tempahan puan ada, dua orang dewasa, masuk 12 haribulan.|mula dengan "ya" tapi memberi maklumat, bukan respons ringkas
-|c|Okey, tapi kenapa saya kena caj dua kali?|mula dengan "okey" tapi bertanya, bukan respons ringkas
-|a|Saya faham, tapi saya perlukan nombor tempahan dulu sebelum boleh semak.|"saya faham" cuma pembuka kata sebelum permintaan, tiada perasaan diakui, bukan empati
-|a|Model ni memang banyak orang telefon tanya.|kenyataan tentang kekerapan, bukan empati
-|a|Bagus, maklumat tu sama dengan yang ada pada saya.|mengesahkan maklumat dan mengambil giliran, bukan respons ringkas
-|a|Sekarang wayar kuasa tu dicucuk kat soket dinding ke?|soalan semakan yang ikhlas, bukan mempertikaikan pelanggan
"""
