"""Malay (Bahasa Malaysia) utterances, written by hand by the qa team (2026-11).

Same line format as ``sentences_en.py``: ``CODES|ROLE|TEXT[|NOTE]``.
"""

RAW = r"""
# ---- empathy ----
E|a|Saya faham perasaan encik.
E|a|Tiga hari tak ada internet sedangkan puan bekerja dari rumah, memang menyusahkan.
E|a|Encik dah tunggu lama, tentu encik rasa tak puas hati.
E|a|Kek hari jadi sampai salah, mesti puan rasa kecewa sangat.
E|a|Saya dapat rasa encik sangat marah sekarang, dan itu memang wajar.
E|a|Duit keluar dari akaun tanpa puan guna, kalau saya pun saya risau.
E|a|Encik ambil cuti semata-mata nak tunggu juruteknik, tapi dia tak datang. Sehari terbuang begitu saja.
E|a|Bermalam di lapangan terbang dengan dua anak kecil, tentu puan letih sangat.
E|a|Dah empat kali encik telefon pasal bil yang sama, memang patut encik rasa geram.
E|a|Saya faham hadiah itu untuk ibu puan, jadi ia sangat bermakna.
E|a|Beg hilang pada hari pertama bercuti, memang rosak mood seluruh percutian.
E|a|Tengok jumlah sebesar itu dalam penyata, tentu encik terkejut.
E|a|Saya faham, bukan soal duit saja, tapi penat nak uruskan semua ni.
E|a|Tak ada air panas sedangkan ada bayi baru lahir di rumah, memang susah, puan.
E|a|Kad ditolak depan pelanggan encik, tentu rasa malu.
E|a|Dari suara puan, saya tahu puan dah sangat penat.
E|a|Encik dah bersabar lama dengan kami, jadi wajarlah kalau sekarang encik dah hilang sabar.
E|a|Sofa baru sampai terus ada calar, sesiapa pun akan rasa sedih.
E|a|Saya faham kenapa puan dah tak percaya pada kami.
E|a|Akaun dibekukan sedangkan esok hari gaji, mesti encik cemas.
E|a|Baru seminggu dibaiki, dah rosak balik. Memang menjengkelkan.
E|a|Kebimbangan puan tentang data peribadi memang munasabah.
E|a|Telefon tiba-tiba diputuskan masa di luar negara, tentu encik panik.
E|a|Lama encik menabung untuk beli barang tu, sebulan dah rosak, memang mengecewakan.
E|a|Dengar cerita puan, pagi tadi memang teruk sangat.
E|a|Sambil menjaga ayah yang sakit, encik masih kena uruskan hal ni. Tentu berat.
E|a|Dilayan macam tu oleh staf kami, tentu puan rasa terkilan.
E|a|Bunyi kotak meter sampai encik tak boleh tidur malam, itu memang menyeksakan.
E|a|Sepatutnya tukar pelan saja, tapi jadi serabut begini. Saya faham kenapa puan kecewa.
E|a|Nampaknya encik dah cuba macam-macam sebelum telefon kami.
E|a|Jumpa rambut dalam makanan memang menjijikkan, saya faham sangat.
E|a|Puan rasa iklan tu mengelirukan, dan saya nampak kenapa puan rasa begitu.
E|a|Dah bayar tepat pada masa tapi dapat surat amaran, memang patut encik marah.
E|a|Terlepas mesyuarat penting sebab internet putus, sayang sangat.
E|a|Tunggu lebih sejam, makanan sampai dah sejuk. Tentu encik lapar dan geram.
E|a|Penerbangan dibatalkan tanpa makluman, tercongok di lapangan terbang, memang menyakitkan hati.
E|a|Kalau saya di tempat puan, saya pun akan rasa begitu.
E|a|Susu formula anak tersalah hantar, tentu puan kelam-kabut.
E|a|Encik pelanggan setia kami bertahun-tahun, mesti sedih bila jadi macam ni.
E|a|Peti sejuk rosak sampai semua makanan terbuang, kerugian yang besar untuk puan.
E|a|Encik cuma nak penjelasan yang betul, saya faham.
E|a|Puan dah ulang cerita ni banyak kali, tentu letih.
E|a|Situasi macam tu memang membingungkan, saya boleh bayangkan.
E|a|Saya boleh bayangkan betapa terkejutnya tuan masa itu.
E|c|Saya tahu ini bukan salah awak, mesti awak dapat panggilan macam ni sepanjang hari.
E|c|Awak pun nampak sibuk hari ni, saya faham.
E|c|Saya faham awak kena ikut peraturan.
# ---- empathy + apology ----
EA|a|Saya minta maaf encik terpaksa tunggu dua minggu, tentu sangat mengecewakan.
EA|a|Saya dapat rasa kekecewaan puan, dan saya betul-betul minta maaf kerana kami mengecewakan puan.
EA|a|Encik dah ambil cuti tapi juruteknik tak datang, saya mohon maaf.
EA|a|Saya faham tekanan yang puan alami, dan saya minta maaf sebab kesilapan kami puncanya.
EA|a|Pesanan salah pada hari yang istimewa macam tu, kami betul-betul minta maaf.
EA|a|Mesti encik risau nampak caj dua kali, saya mohon maaf.
EA|a|Puan tak dimaklumkan awal tentang gangguan bekalan, tentu terkejut. Maafkan kami.
EA|a|Staf kaunter layan encik dengan kasar, tentu encik terasa. Bagi pihak syarikat, saya minta maaf.
EA|a|Lama puan menunggu di talian, mesti geram. Maaf sangat.
EA|a|Kena cerita kali kelima, tentu encik letih. Saya minta maaf.
EA|a|Bunga ulang tahun perkahwinan sampai dah layu, saya tahu itu penting. Saya minta maaf.
EA|a|Saya faham kenapa encik marah, dan terimalah permohonan maaf kami.
EA|a|Penerbangan dibatalkan sampai puan tersangkut semasa outstation, saya mohon maaf.
EA|a|Kulat di dinding datang balik, mesti encik rimas. Kami minta maaf.
EA|a|Ubat puan ada dalam beg tu, tentu puan sangat risau. Saya betul-betul minta maaf.
EA|a|Kejadian ni buat encik hilang kepercayaan pada bank, kami minta maaf.
EA|a|Kad tertelan mesin di luar negara, mesti puan takut. Maafkan kami.
EA|a|Encik harap bungkusan sampai sebelum hujung minggu, saya minta maaf ia tak sampai.
EA|a|Habis satu malam puan untuk hal ni, saya minta maaf.
EA|a|Saya minta maaf, saya faham perasaan encik sekarang.
EA|c|Maaf saya menjerit tadi, saya tahu awak cuma nak tolong.
# ---- apology ----
A|a|Saya minta maaf.
A|a|Maaf atas kesulitan yang berlaku.
A|a|Ini kesilapan pihak kami, maafkan kami.
A|a|Maaf, kami tersalah hantar saiz.
A|a|Caj ni sepatutnya tak berlaku langsung, saya mohon maaf.
A|a|Itu tanggungjawab kami, dan saya minta maaf.
A|a|Maaf, maklumat yang saya beri hari tu salah.
A|a|Kami minta maaf sebab tak telefon balik macam yang dijanjikan.
A|a|Bagi pihak syarikat, saya memohon maaf dengan ikhlas.
A|a|Maaf, kesalahan sepenuhnya di pihak kami.
A|a|Kami mohon maaf atas segala kesulitan.
A|a|Maaf, kurier kami sepatutnya ketuk pintu, bukan tinggal notis saja.
A|a|Kami berhutang permohonan maaf atas cara panggilan lepas dikendalikan.
A|a|Maaf juruteknik lambat, itu bukan standard kami.
A|a|Surat tu dihantar tersilap, maaf ya.
A|a|Maaf, saya patut semak dulu sebelum pindahkan panggilan.
A|a|Bacaan meter tersilap masuk, kesilapan kami. Maaf.
A|a|Saya minta maaf atas kekeliruan tempahan encik.
A|a|Maaf makanan sejuk, dapur tak sepatutnya hantar macam tu.
A|a|Maaf buat puan tunggu lama.
A|a|Harga di laman web tersalah papar, kami minta maaf.
A|a|Kami minta maaf atas gangguan perkhidmatan semalam.
A|a|Maaf, kami tak terangkan caj penamatan awal semasa encik mendaftar.
A|a|Maaf, bayaran balik masih belum masuk.
A|a|Dokumen puan hilang di pihak kami, saya betul-betul minta maaf.
A|a|Maaf ya, saya tersilap baca nombor akaun tadi.
A|a|Kami mohon maaf atas kesilapan dalam penyata.
A|a|Aduan pertama encik tak direkodkan, itu salah kami.
A|a|Kami minta maaf atas mesej kurang sopan daripada pemandu kami.
A|a|Maaf, penerangan kami tak jelas sampai puan keliru.
A|a|Betul kata encik, tempat duduk yang dibayar sepatutnya dikekalkan. Saya minta maaf.
A|a|Slot penghantaran tu salah kami, bukan salah puan. Maaf.
A|a|Gudang tersalah ambil warna, maafkan kami.
A|a|Maaf sebab encik terpaksa telefon tiga kali.
A|a|Naik taraf tu menyebabkan talian terputus, kami minta maaf.
A|a|Maaf banyak-banyak, puan.
A|a|Kami memang silap, harap encik maafkan kami.
A|a|Ampun maaf, tuan.
A|c|Maaf, saya yang tersalah tulis alamat.
A|c|Saya minta maaf sebab tinggikan suara tadi.
A|c|Alamak, sorry, saya tersalah sebut nombor kad.
A|c|Salah saya, saya tak tengok carta saiz.
A|c|Maaf, saya terlupa nak cakap saya dah bayar melalui pindahan.
A|c|Oh, maaf, saya salah faham awak tadi.
# ---- apology + specific ----
AS|a|Maaf ya, saya dah pulangkan RM20 dan ia akan masuk dalam tiga hingga lima hari bekerja.
AS|a|Saya minta maaf, hari ni juga kami hantar barang ganti secara ekspres, sampai esok sebelum pukul satu.
AS|a|Salah kami, maaf. Saya dah kreditkan RM15 ke bil bulan ni.
AS|a|Maaf buat encik tunggu, saya dah tempah juruteknik hari Khamis pukul lapan hingga dua belas pagi.
AS|a|Saya mohon maaf, saya tukarkan puan ke penerbangan 6.40 pagi esok dan hantar pas masuk baru dalam sejam.
AS|a|Maaf piza sejuk, bayaran penuh dah dipulangkan dan piza baru sedang dihantar sekarang.
AS|a|Maaf, saya dah batalkan caj lewat bayar tadi, baki encik kembali kosong.
AS|a|Maaf ya, saya sendiri akan telefon puan pukul empat petang ni lepas kurier sahkan pengambilan.
# ---- resolution specific ----
S|a|Saya hantar barang ganti hari ini dan telefon encik esok sebelum tengah hari untuk pastikan ia sampai.
S|a|Bayaran balik RM49.90 dah saya proses ke kad asal, akan masuk dalam lima hari bekerja.
S|a|Saya tempah juruteknik hari Isnin antara pukul satu hingga lima petang, dan malam sebelumnya puan dapat SMS nama dia.
S|a|Saya dah naikkan kes ni kepada pengurus bil, Puan Lim, dan dia akan telefon encik sebelum pukul tiga esok.
S|a|Saya kecualikan sewa talian bulan ni, RM18, dan ia akan ditolak dalam bil akan datang.
S|a|Kad lama dah saya sekat, kad baru akan dipos malam ni dan sampai sebelum Khamis.
S|a|Sabtu pagi kami ambil peti sejuk yang rosak dan pasang yang baru dalam trip yang sama.
S|a|Saya masukkan 2,000 mata ganjaran ke akaun puan sekarang sebagai pampasan.
S|a|Nombor kes encik 58213, saya akan e-mel perkembangan setiap Jumaat sampai kes ditutup.
S|a|Saya dah sambung semula bekalan dari jauh, elektrik akan pulih dalam lima belas minit.
S|a|Saya boleh alihkan bungkusan ke alamat pejabat puan, sampai sebelum pukul enam petang ni.
S|a|Dalam sepuluh minit saya e-mel label pemulangan prabayar.
S|a|Caj penghantaran saya pulangkan, dan baucar diskaun 20% untuk pesanan seterusnya masuk sebelum malam ni.
S|a|Kata laluan dah saya set semula, kod sementara sedang dihantar ke telefon encik.
S|a|Hari ni saya failkan pertikaian dengan peniaga, dan jumlah tu dikreditkan dulu dalam 48 jam sementara siasatan berjalan.
S|a|Malam ni saya tempahkan hotel di lapangan terbang, baucar boleh diambil di kaunter Terminal 2.
S|a|Saya tukarkan router encik kepada model baru, dihantar esok dengan kurier, dan encik tak perlu pulangkan yang lama dulu.
S|a|Petang ni saya sendiri telefon cawangan dan maklumkan puan sebelum pukul lima.
S|a|Saya kira semula tarif yang betul dari bulan Mac, jadi encik dapat kredit RM63.20 dalam penyata akan datang.
S|a|Akaun dah dibuka, puan boleh log masuk sekarang, saya tunggu di talian sampai berjaya.
S|a|Esok pukul 10 pagi jurutera kanan kami datang periksa pemanas air, percuma.
S|a|Saya pulangkan penuh harga makanan, RM34.50, ke kad encik hari ni.
S|a|Saya hantar kes ni ke pasukan penipuan sebagai keutamaan, mereka akan telefon nombor ni dalam dua jam.
S|a|Tempat duduk penerbangan balik saya dah tukar ke baris 12, tiada caj.
S|a|Bil baru dengan bacaan yang betul akan diemel sebelum hari Rabu.
S|a|Esok antara pukul sembilan hingga satu, kurier datang ambil komputer riba di rumah puan.
S|a|Debit terus dah saya batalkan, tak ada potongan lagi pada 1 haribulan.
S|a|Kami cat semula pintu tu secara percuma, boleh datang 14 haribulan, pagi sesuai?
S|a|Saya tambah 10GB data percuma untuk baki bulan ni.
S|a|Sebelum Jumaat saya tulis kepada encik dengan keputusan siasatan penuh, sementara itu hubungi saya terus di sambungan 4412.
S|a|Caj berganda RM120 tu sedang dibatalkan sekarang, akan masuk esok pagi.
S|a|Rider akan hantar semula lauk yang tertinggal, lebih kurang dua puluh lima minit lagi.
S|a|Saya letak nota dalam fail encik dan saya sendiri semak hari Selasa yang lawatan juruteknik dah disahkan.
S|a|Beza tambang RM87 saya pulangkan, pengesahan dihantar ke e-mel puan sekarang.
S|a|Alat ganti dah dipesan, kedai akan telefon encik hari Khamis untuk pasang.
S|a|Pemasangan saya alihkan ke Sabtu ni pukul 9 pagi, dan SMS pengesahan sampai dalam sejam.
S|a|Caj perayauan RM212 tu saya dah buang semuanya dari bil ini.
S|a|Tuntutan ni saya uruskan sendiri, nama saya Faizal, dan encik akan dengar daripada saya sebelum habis waktu kerja esok.
S|a|Pengurus kedai akan telefon puan pukul enam petang ni untuk atur penukaran.
S|a|Penyata encik saya cetak semula hari ni dan hantar dengan pos berdaftar.
S|a|Tarikh bayaran saya lanjutkan empat belas hari, jadi tak ada caj lewat bulan ni.
S|a|Bungkusan saya minta depoh tahan, puan boleh ambil lepas pukul empat dengan kad pengenalan.
S|a|Bayaran balik penerbangan yang dibatalkan dah diluluskan, RM640 penuh masuk dalam tujuh hari.
S|a|Bukan pinggan yang pecah saja, kami ganti satu set, dihantar hari Isnin.
S|a|Lepas panggilan ni saya hubungi juruteknik dan SMS waktu dia sampai sebelum pukul dua.
S|a|Mulai hari ni, saya naik taraf encik ke pelan gentian dengan harga lama selama dua belas bulan.
S|a|Kerja nombor 7741 untuk kebocoran dah dibuka, tukang paip sampai dalam empat jam.
S|a|Sekarang juga saya batalkan pesanan tu dan buat pesanan baru dengan penghantaran ekspres percuma.
S|a|Hari ni penyelia akan dengar semula rakaman, dan esok petang saya telefon puan dengan keputusannya.
S|a|Saya beri kredit muhibah RM25, dah pun nampak dalam akaun encik.
S|a|Kad SIM pengaktifan saya hantar semula dengan pos berdaftar, sampai hari Rabu.
S|a|Esok pagi gudang hantar dulu pesanan puan, nombor penjejakan saya SMS sebelum pukul tiga.
S|a|Invois baru saya mohon sekarang, encik akan terima dalam e-mel sebelum waktu pejabat tamat hari ni.
S|a|Talian puan saya buka semula sekarang, bayar dalam tiga hari dan tiada penalti.
S|a|Kos pos pemulangan kami tanggung, kurier datang ambil esok pagi.
S|a|Dapur sedang sediakan pesanan baru, sampai dalam dua puluh minit dan yang ni percuma.
S|a|Saya atur juruteknik datang esok pukul dua petang, tanpa sebarang bayaran.
S|a|Saya sambungkan sekarang panggilan tiga hala dengan Encik Hafiz di jabatan bil supaya selesai terus.
S|c|Kalau duit masuk balik ke kad saya sebelum Jumaat, saya tak panjangkan lagi.
# ---- resolution vague ----
V|a|Kami akan siasat perkara ni.
V|a|Nanti ada orang akan hubungi encik.
V|a|Saya panjangkan kepada jabatan berkenaan, mereka akan uruskan.
V|a|Saya tengok apa yang boleh saya buat.
V|a|Kami akan cuba selesaikan secepat mungkin.
V|a|Saya catat dulu, nanti ada pegawai hubungi puan.
V|a|Jangan risau, kami akan cari jalan.
V|a|Serahkan pada kami, puan tak perlu bimbang.
V|a|Saya akan maklumkan kepada pihak atasan.
V|a|Saya cuba mohon, tengok kalau boleh dapat bayaran balik.
V|a|Kami siasat dulu, nanti kami maklumkan.
V|a|Bagi saya masa, saya tengok apa yang boleh.
V|a|Rasanya boleh diberi sedikit pampasan.
V|a|Kerosakan dah saya laporkan, harap cepat dibaiki.
V|a|Nanti kami hantar orang untuk tengok.
V|a|Saya tolong kejar hal ni.
V|a|Saya semak pilihan yang ada dan maklumkan balik.
V|a|Kami akan cuba perbetulkan keadaan.
V|a|Saya eskalasikan kes ni.
V|a|Saya minta bahagian bil semak akaun encik.
V|a|Mungkin caj tu boleh dikurangkan, saya tanya dulu.
V|a|Kami pasti akan hubungi puan semula.
V|a|Saya buat permohonan penggantian untuk encik.
V|a|Saya tanya gudang kalau boleh hantar satu lagi.
V|a|Kes puan akan kami kaji semula.
V|a|Harap-harap boleh dapat kredit untuk itu.
V|a|Maklum balas encik saya sampaikan, kami akan usahakan penyelesaian.
V|a|Apa-apa pun, kami akan selesaikan masalah ni.
V|a|Saya cakap dengan dapur pasal hal ni.
V|a|Mungkin pasukan teknikal akan telefon puan.
V|a|Saya akan cuba sedaya upaya.
V|a|Kami akan tengok untuk tempah semula juruteknik.
V|a|Aduan dah direkod, nanti ada yang uruskan.
V|a|Mungkin sebahagian boleh dipulangkan.
V|a|Saya hantar tiket ni kepada pasukan yang berkaitan untuk tindakan susulan.
V|a|Kami akan cari cara untuk betulkan bil encik.
V|a|Saya tengok kalau boleh pindahkan puan ke tempat duduk yang lebih baik.
V|a|Saya buka tiket, nanti pasukan kami hubungi encik.
V|a|Saya cuba percepatkan dari pihak kami.
V|a|Saya tengok kalau caj tu boleh dikecualikan.
V|a|Pegawai pakar akan semak dan hubungi puan.
V|a|Saya hubungi syarikat kurier dan tanya apa yang jadi.
V|a|Bila ada masa nanti kami datang periksa meter.
V|a|Saya cuba dapatkan sesuatu untuk tebus kesulitan encik.
V|a|Kami uruskan, nanti ada perkembangan kami beritahu.
V|a|Tinggalkan pada kami, kami jaga.
V|a|Saya pastikan pihak yang betul tahu pasal ni.
V|a|Kami akan gantikan barang tu.
V|a|Pasal bayaran balik, saya semak dulu dan telefon puan balik.
V|a|Saya bincang dengan penyelia, kami cari jalan.
V|a|Kami akan cuba cari beg encik secepat mungkin.
V|a|Saya letak nota dalam akaun supaya ada yang tengok.
V|a|Pasal kerosakan tu saya tengok apa boleh dibuat.
V|a|Kami akan aturkan pembaikan.
V|a|Kami akan tebus balik kesulitan ni entah macam mana.
V|a|Pasal pemasangan, saya suruh orang hubungi puan.
V|c|Nanti dah tahu, telefonlah saya balik.
V|c|Sekurang-kurangnya tolong siasat dulu.
AV|a|Maaf, kami akan siasat segera.
AV|a|Maaf menyusahkan encik, saya minta rakan sekerja buat susulan.
AV|a|Maaf atas masalah ni, saya tengok apa yang boleh dibuat.
AV|a|Saya minta maaf, saya sampaikan kepada pasukan dan kami akan selesaikan.
EV|a|Saya tahu ini memang menyusahkan, kami akan cari puncanya.
EV|a|Saya faham kesulitan puan, saya cuba cari cara untuk bantu.
# ---- arguing ----
R|a|Itu bukan salah kami.
R|a|Itu tak betul, kami dah hantar tiga peringatan.
R|a|Apa bezanya? Barang sama saja.
R|a|Encik mesti tersalah guna.
R|a|Kurier tu syarikat lain, tak ada kena-mengena dengan kami.
R|a|Tak, bukan macam tu yang berlaku.
R|a|Puan patut baca terma sebelum tandatangan.
R|a|Di pihak kami semua okey, saya tak nampak apa masalahnya.
R|a|Encik dah tanda setuju, sekarang tak boleh nak komplen.
R|a|Kami tak buat salah apa-apa pun.
R|a|Mustahil, sistem kami tak buat silap macam tu.
R|a|Kalau puan ada di rumah masa pemandu datang, benda ni takkan jadi.
R|a|Yang tu encik salah.
R|a|Skrin tak pecah sendiri, puan mesti terjatuhkan.
R|a|Pelanggan lain guna telefon ni tak ada masalah pun.
R|a|Bukan, bukan, encik tak dengar apa saya cakap.
R|a|Itu masalah bank, bukan masalah kami.
R|a|Saya cakap, duit tu tak pernah masuk.
R|a|Puan pasti ke dah cucuk plag betul-betul?
R|a|Cuaca, kami tak boleh kawal cuaca, encik nak kami buat apa?
R|a|Caj tu dah dimaklumkan, ada dalam rakaman.
R|a|Makanan elok masa keluar, mungkin puan biar lama sangat.
R|a|Tapi encik sendiri yang minta saiz besar.
R|a|Saya tak setuju, juruteknik dah buat semua yang sepatutnya.
R|a|Semalam puan bukan cakap macam ni dengan rakan sekerja saya.
R|a|Itu bukan rosak, memang reka bentuknya macam tu.
R|a|Encik sendiri yang salah masukkan PIN tiga kali.
R|a|Tak mungkin pemandu kami cakap macam tu.
RC|a|Calar sikit saja, puan terlalu besar-besarkan.
R|a|Kelewatan sebab kawalan trafik udara, tak ada kaitan dengan kami.
R|a|Habis tu kenapa encik tak lapor terus?
R|a|Saya tak nak bertekak, tapi puan memang silap.
R|a|Bukan rosak, encik saja yang tak tahu guna tetapan.
R|a|Puan patut periksa pesanan sebelum pemandu pergi.
R|a|Status dah dihantar, maknanya dah sampailah.
R|a|Apa encik buat dengan barang tu lepas sampai, kami tak bertanggungjawab.
RC|a|Ramai orang tak komplen pun, kenapa puan seorang saja?
R|a|Encik sendiri yang pilih pelan paling murah.
R|a|Tak mungkin, puan mesti tengok bil lama.
R|a|Permintaan encik tu tak munasabah.
R|a|Seorang pun di kawasan encik tak lapor gangguan, mesti masalah wayar rumah encik.
R|a|Dah makan separuh, macam mana nak pulangkan duit?
R|a|Jadi puan nak kata juruteknik kami menipu?
R|a|Jangan cakap macam tu, kami ikut prosedur.
R|c|Tak betul, saya tak pernah dapat SMS pun.
R|c|Saya tak jatuhkan, ia rosak sendiri.
R|c|Semalam kawan awak cakap lain, yang mana satu betul ni?
R|c|Mengarut, bungkusan tu tak pernah sampai.
R|c|Jangan kata salah saya, saya ikut semua arahan.
R|c|Awak asyik cakap benda sama, tapi masih tak boleh guna.
R|c|Saya ada di rumah sepanjang hari, tak ada siapa ketuk pintu. Jangan nak kata dah datang.
R|c|Laman web awak tak tulis macam tu pun.
R|c|Awak silap, saya dah bayar 2 haribulan.
R|c|Jangan salahkan kurier, saya beli dengan awak.
R|c|Dengar sini, tak ada sesiapa pun beritahu saya pasal caj penamatan.
# ---- arguing + condescension ----
RC|a|Bukan salah kami encik tak baca arahan, orang lain semua boleh guna.
RC|a|Tak susah pun, puan cuma tak tekan butang tu.
C|a|Dah tiga kali saya terangkan, tak tahu nak cakap macam mana lagi supaya encik faham.
RC|a|Kalau puan baca SMS, puan tahu penerbangan dah tukar.
C|a|Orang lain semua faham bil ni, tak tahulah kenapa encik tak faham.
RC|a|Puan yang rosakkan barang tu, kira nasib baik kami masih layan bayaran balik.
C|a|Hal teknikal ni biar pakar saja yang uruskan, encik.
RC|a|Ketuhar gelombang mikro pun tak reti guna, kami tak boleh buat apa.
RC|a|Nampak sangat salah pengguna, orang berumur memang selalu macam ni.
C|c|Awak faham tak sistem syarikat awak sendiri?
C|c|Nampaknya saya seorang saja dalam panggilan ni yang baca kontrak.
# ---- condescension ----
C|a|Lain kali baca dulu.
C|a|Kami biasanya kenakan bayaran untuk ni, jadi encik bernasib baik hari ni.
C|a|Tak pernah saya jumpa orang secerewet ni.
C|a|Terima kasih BANYAK atas kesabaran puan, mesti manual tu susah sangat nak baca.
C|a|Sebenarnya kebanyakan orang boleh buat sendiri.
C|a|Okey, dah siap. Lain kali tulis alamat betul-betul ya.
C|a|Kali ni saja saya tolong, jangan jadikan kebiasaan.
C|a|Dah okey. Suis je tak on sebenarnya.
C|a|Tahniah, encik dah jumpa butang on.
C|a|Nasib baik saya dalam mood baik hari ni.
C|a|Orang yang bayar lewat biasanya kami tak layan, tapi tak apalah.
C|a|Saya terangkan perlahan-lahan supaya puan boleh ikut.
C|a|Mesti benda ni mengelirukan untuk encik.
C|a|Kali ni ingat kata laluan tu ya.
C|a|Lain kali simpan resit, bukan susah pun.
C|a|Puan sedar tak barang ni RM5 saja?
C|a|Ini cerek elektrik, encik, bukan kapal angkasa.
CS|a|Duit dah dipulangkan, tapi ingat, kami bukan kedai baiki percuma.
C|a|Kami dah buat lebih dari sepatutnya, harap puan hargai.
C|a|Ada orang memang suka komplen.
C|a|Kalau encik baca label, kita berdua jimat sepuluh minit.
C|a|Syabas, akhirnya jumpa juga nombor akaun.
C|a|Saya eja satu-satu untuk puan: M-E-N-U.
C|a|Budak sekolah pun boleh pasang benda ni.
RC|a|Rupanya encik tak tambah nilai. Misteri selesai.
C|a|Lain kali hati-hati, barang ni bukan murah.
C|a|Bagus, akhirnya faham juga, dua puluh minit saja.
C|a|Kali ni saya lepaskan.
C|a|Bukan semua orang dapat ganti percuma, untuk makluman puan.
RC|a|Oh, mesti encik "betul-betul" pos tepat pada masa, kan.
C|a|Lain kali tulis tarikh tu di mana-mana supaya tak lupa.
C|a|Senang saja kan?
C|a|Kalau semua pelanggan cerewet macam puan, kerja kami tak jalan.
C|a|Untuk rujukan, butang merah tu untuk berhenti.
C|a|Saya dah tolong encik banyak ni, tahu tak.
C|a|Jangan risau, bukan puan seorang saja yang keliru dengan borang semudah ni.
RC|a|Belajarlah guna perbankan internet dulu sebelum salahkan kami.
RC|a|Apa-apa pun dah selesai, walaupun alamat tu encik sendiri yang salah tulis.
CV|a|Kebanyakan pelanggan boleh pasang sendiri, tapi untuk puan kami hantar orang.
C|a|Nasib baik salah seorang daripada kita perhatikan betul-betul.
C|a|Harap encik dah belajar sesuatu.
CS|a|Caj dah saya kecualikan, walaupun saya tak wajib pun.
C|a|Tengok, dah boleh. Susah sangat ke?
C|a|Terima kasih sebab menjerit pada saya, sangat membantu.
C|a|Lain kali tengok plag dah cucuk ke belum sebelum panggil juruteknik.
C|a|Sekarang puan dah tahu cara baca meter, kan.
C|a|Hari ni encik belajar benda baru.
C|a|Selebihnya, saya rasa puan pun boleh buat.
CS|a|Dah dikecualikan, tapi sejujurnya encik patut berterima kasih pada saya.
C|a|Biasanya kami tak layan kes macam ni, ini pengecualian istimewa untuk puan.
C|a|Kami bukan badan kebajikan, lain kali jaga sendiri.
C|a|Lain kali buat homework dulu sebelum telefon.
C|c|Wah, orang macam ni pun boleh jawab telefon?
C|c|Saya cakap senang sikit, harap awak faham kali ni.
C|c|Terima kasih banyak atas bantuan yang "sangat berguna".
C|c|Kalau awak tak tahu, suruh pengurus awak terangkan.
C|c|Lima kali telefon baru awak faham, hebat.
C|c|Saya cakap perlahan sikit supaya awak boleh ikut.
# ---- backchannel ----
B|a|Ya.
B|a|Ya, ya.
B|a|Ha.
B|a|Haa.
B|a|Ha'ah.
B|a|Oh, begitu.
B|a|Oh, macam tu.
B|a|Okey.
B|a|Baik.
B|a|Baiklah.
B|a|Faham.
B|a|Betul.
B|a|Betul tu.
B|a|Ya, betul.
B|a|Hmmm, faham.
B|a|Mm, ya.
B|a|Oh.
B|a|Oh, ya ke?
B|a|Ya ke?
B|a|Iya.
B|a|Ye.
B|a|Yelah.
B|a|Okey, faham.
B|a|Baik, encik.
B|a|Baik, puan.
B|a|Ya, puan.
B|a|Ya, encik.
B|a|Ya, tuan.
B|a|Teruskan.
B|a|Sila teruskan.
B|a|Saya dengar.
B|a|Ya, saya sedang dengar.
B|a|Lepas tu?
B|a|Lepas tu apa jadi?
B|a|Oh, okey.
B|a|Ha, okey.
B|a|A'ah.
B|a|Betul, betul.
B|a|Okey, baik.
B|a|Okey, noted.
B|a|Oh, faham.
B|a|Faham, faham.
B|a|Oh, macam tu ke.
B|a|Oh, patutlah.
B|a|Hmm, okey.
B|a|Okey, saya catat.
B|a|Boleh.
B|a|Boleh, boleh.
B|a|Ha, betul.
B|a|Oh, ye ke.
B|a|Mm-hm, betul.
B|a|Okey, lepas tu?
B|a|Ya, dan?
B|a|Oh, rupanya.
B|a|Ya, saya faham maksud encik.
B|a|Okey, okey.
B|a|Baik, saya faham.
B|a|Ya, sila sambung.
B|a|Ha, ya.
B|a|Hmm, ya.
B|a|Oh, ya.
B|a|Okey, teruskan.
B|a|Ya, saya ikut.
B|a|Baik, teruskan, puan.
B|c|Okey lah.
B|c|Hmm, yelah.
B|c|Ya lah.
B|c|Oh, okey lah.
B|c|Ha, yalah.
B|c|Ya, saya masih di talian.
B|c|Baiklah kalau macam tu.
B|c|Ya, cakaplah.
# ---- neutral ----
-|a|Selamat pagi, terima kasih kerana menghubungi Tenaga Jaya, saya Aina. Boleh saya bantu?
-|a|Helo, ini khidmat pelanggan, apa yang boleh saya bantu hari ni?
-|a|Boleh saya dapatkan nombor pesanan?
-|a|Untuk pengesahan, boleh sebutkan nombor kad pengenalan encik?
-|a|Empat digit terakhir kad puan?
-|a|Saya letak encik dalam talian menunggu sekejap ya, saya semak.
-|a|Terima kasih kerana menunggu, saya dah kembali.
-|a|Nombor telefon yang berakhir dengan 372, betul?
-|a|Boleh ejakan nama penuh puan?
-|a|Bila encik buat pesanan?
-|a|Penerbangan mana yang puan naik?
-|a|Encik ada nombor penjejakan?
-|a|Saya buka akaun puan sekejap.
-|a|Mesej ralat yang keluar tu apa ya?
-|a|Lampu router sekarang hijau atau oren?
-|a|Nak sahkan, barang tu sofa tiga tempat duduk warna kelabu, betul?
-|a|Akaun ni atas nama encik atau isteri encik?
-|a|Saya nampak bayaran terakhir pada 28 Oktober.
-|a|Sistem agak perlahan hari ni, sabar sekejap ya.
-|a|Ada apa-apa lagi yang boleh saya bantu?
-|a|Terima kasih kerana menelefon, selamat petang.
-|a|Terima kasih kerana memaklumkan perkara ni kepada kami.
-|a|Puan nak kami hubungi melalui telefon atau SMS?
-|a|Nombor yang paling senang untuk hubungi encik?
-|a|Saya baca semula apa yang saya catat, betulkan kalau ada yang salah.
-|a|Nombor rujukan panggilan ini QA2291.
-|a|Bila puan mula perasan masalah ni?
-|a|Encik dah cuba restart peranti?
-|a|Pelan semasa puan ialah panggilan tanpa had dengan data 20GB.
-|a|Bungkusan melalui hab Shah Alam malam Selasa.
-|a|Puan bayar guna kad atau e-wallet?
-|a|Cawangan mana encik pergi?
-|a|Berapa barang yang tak ada dalam beg?
-|a|Encik telefon dari nombor yang didaftarkan?
-|a|Terima kasih, pengesahan dah selesai.
-|a|Boleh bacakan nombor siri di belakang unit?
-|a|Boleh puan e-mel gambar kerosakan ke alamat ni?
-|a|Rumah encik saja yang tiada air, atau satu blok?
-|a|Selamat petang, Bank Seri Mutiara, saya Hakim.
-|a|Pukul berapa rider sampai?
-|a|Terima kasih atas panggilan encik, selamat tinggal.
-|a|Jangan letak telefon ya, tunggu sekejap.
-|a|Aduan puan dah saya masukkan dalam rekod.
-|a|Nombor keahlian encik berapa?
-|a|Boleh saya bercakap dengan Puan Rosnah?
-|a|Kereta encik nombor pendaftaran apa?
-|c|Helo, saya nak tanya pasal bil saya.
-|c|Nombor pesanan saya 4471.
-|c|Saya dah guna internet awak enam tahun.
-|c|Sampai semalam petang.
-|c|Kotak tu kemek sebelah, penutup pun terbuka.
-|c|Saya dah cuba tutup dan buka semula.
-|c|Jadi sekarang macam mana?
-|c|Saya cuma nak duit saya balik.
-|c|Okey, terima kasih, bye.
# ---- hard negatives ----
-|a|Maaf, boleh ulang sekali lagi?|"maaf" untuk minta ulang, bukan permohonan maaf
-|a|Maaf, talian tak berapa jelas, encik cakap apa tadi?|tentang kualiti talian, bukan mengaku tanggungjawab
-|a|Maaf ya, saya pindahkan panggilan sekejap.|kesopanan semasa pindah talian, bukan permohonan maaf
-|a|Maaf, 15 haribulan atau 50?|kesopanan untuk minta penjelasan, bukan permohonan maaf
-|a|Maaf mengganggu, boleh saya tahu nombor telefon puan?|pembuka ayat yang sopan, bukan permohonan maaf
-|a|Oh, kesian. Boleh saya dapatkan nombor akaun dulu?|frasa klise sebelum aduan didengar, tidak merujuk situasi pelanggan, bukan empati
-|a|Polisi kami, bayaran balik hanya dalam tempoh 14 hari selepas pembelian.|membaca polisi bukan penyelesaian
-|a|Sayangnya, tak ada apa yang saya boleh buat.|"tak boleh buat apa-apa" bukan penyelesaian
-|a|Orang yang jaga bayaran balik tak ada hari ni.|menolak kepada orang lain, bukan penyelesaian
-|a|Encik kena hubungi pengeluar untuk itu.|menolak kepada pihak lain, bukan penyelesaian
-|a|Itu bahagian lain, puan kena telefon mereka.|menolak kepada jabatan lain, bukan penyelesaian
-|a|Mengikut terma kami, kelewatan akibat cuaca tidak layak pampasan.|membaca terma, bukan penyelesaian; nada tenang, bukan bertekak
-|a|Itu prosedur kami.|membaca prosedur, bukan penyelesaian
-|a|Sistem tak benarkan saya buat macam tu.|penolakan tanpa jalan keluar
-|a|Pengurus saya keluar makan, saya tak boleh luluskan apa-apa.|menolak kepada pengurus yang tiada, bukan penyelesaian
-|a|Tempoh biasa proses tuntutan ialah 28 hari.|membaca polisi, tiada tindakan ditawarkan
-|a|Polisi pemulangan ada di laman web kami.|merujuk polisi, bukan penyelesaian
-|a|Saya cuma barisan pertama, saya tak ada akses ke sistem bil.|mengelak, bukan penyelesaian
-|a|Sistem tunjuk dah dihantar pukul 2.14 petang, saya faham itu tak sama dengan apa yang encik nampak.|menerangkan fakta dengan tenang dan terima pendirian pelanggan, bukan bertekak
-|a|Caj tambahan tu jumlah pro-rata untuk hari sebelum pelan puan bertukar.|penerangan fakta yang tenang, bukan bertekak
-|a|Nampak dua kali sebab satu tu pra-kebenaran, akan hilang sendiri dalam beberapa hari.|penerangan fakta yang tenang, bukan bertekak
-|a|Betul kata encik, yuran tu memang tak jelas di halaman tempahan.|bersetuju dengan pelanggan, bukan bertekak
-|a|Waranti meliputi kecacatan pembuatan selama dua tahun dari tarikh terima.|penerangan skop waranti, bukan bertekak dan bukan penyelesaian
-|a|Gangguan bekalan disebabkan kabel rosak di kawasan puan, jurutera dah berada di lokasi.|penerangan fakta, tiada janji tindakan untuk pelanggan, bukan bertekak
-|a|Ya, jadi maksud encik, bil naik RM30 tanpa sebarang notis.|merumus kata pelanggan dan mengambil giliran, bukan respons ringkas
-|a|Okey, jadi saya semak dulu ya, sekejap.|mula bercakap dan minta tunggu, bukan respons ringkas
-|a|Ya, saya nampak pesanan tu, dibuat pada 9 haribulan.|bermula dengan "ya" tapi memberi maklumat, mengambil giliran
-|a|Hmm, sebenarnya kurier guna sistem mereka sendiri.|bermula dengan "hmm" tapi mula menerangkan, mengambil giliran
-|a|Terima kasih atas kesabaran puan.|ucapan ikhlas, bukan sindiran
-|a|Untuk makluman, bayaran balik mungkin ambil masa sampai lima hari untuk muncul.|maklumat berguna, bukan kata-kata merendahkan
-|a|Lain kali kalau lebih senang, encik boleh juga lapor kerosakan melalui aplikasi.|cadangan membantu tanpa menyalahkan, bukan merendahkan
-|a|Saya sahkan caj tu dikenakan pada 4 Jun.|kenyataan fakta, bukan bertekak
-|a|Soalan tu memang selalu orang tanya.|tentang kekerapan, bukan empati
-|a|Terima kasih, Puan Aishah.|ucapan sopan, bukan respons ringkas
-|a|Kadang-kadang benda macam ni berlaku.|bukan bertekak, tapi tiada empati atau maaf
-|a|Model tu memang banyak aduan kami terima.|kenyataan, bukan empati dan bukan penyelesaian
-|c|Maaf, tapi ini memang tak boleh diterima.|"maaf, tapi" melembutkan aduan; pelanggan tidak mengaku salah, bukan permohonan maaf
-|c|Maaf cakap, saya dah tunggu dua jam.|pembuka aduan, bukan permohonan maaf
-|c|Saya betul-betul geram, dah empat kali saya telefon.|pelanggan meluahkan perasaan sendiri, bukan empati
-|c|Habis hujung minggu saya sebab hal ni.|pelanggan menceritakan situasi sendiri, bukan empati
-|c|Bagus sangat, kena tunggu seminggu lagi. Hebat.|sindiran pelanggan tentang situasi, bukan merendahkan pihak lain
-|c|Hebat, hari saya ada di rumah, mereka datang awal pula.|sindiran tentang keadaan, bukan merendahkan
-|c|Menunggu lagi, seronoknya.|sindiran tentang proses, bukan merendahkan
-|c|Saya tahu awak ada peraturan, tapi saya perlukan penyelesaian.|mengakui peraturan, bukan empati terhadap perasaan ejen
-|c|Ya, tapi masalahnya saya dah hantar gambar dua kali.|bermula dengan "ya" tapi mengambil giliran
-|c|Okey, tapi duit yang awak potong tu macam mana?|bermula dengan "okey" tapi bertanya, mengambil giliran
-|a|Saya tak pasti, kena semak dulu.|jawapan tak pasti, tiada tindakan ditawarkan
-|a|Okey, okey, saya sahkan alamat dulu ya, nombor 88 Jalan Ampang, betul?|bermula dengan respons ringkas tapi terus mengesahkan maklumat, mengambil giliran
# ==== 2026-11 additions (issue 3): written after the labelling guide in README.md ====
# ---- arguing (agent) ----
R|a|Bukan salah kami, encik sendiri yang pilih penghantaran paling murah.
R|a|Tak mungkin pekerja kami rosakkan sofa tu, semua dibalut elok.
R|a|Puan yang tak ada di rumah masa kami datang, bukan kami yang lambat.
R|a|Sistem kami tunjuk bayaran tak masuk, jadi memang encik belum bayar.
R|a|Itu bukan kerosakan kilang, itu kesan terjatuh.
R|a|Kami dah beritahu awal-awal, tak ada bayaran balik untuk barang diskaun, jadi jangan salahkan kami.
R|a|Encik tak boleh salahkan kami kalau encik tak baca terma.
R|a|Bil tu betul, saya dah semak, puan yang salah kira.
R|a|Kenapa baru sekarang nak komplen? Barang dah sampai sebulan lepas.
R|a|Mana ada kami caj dua kali, puan tengok penyata yang salah ni.
R|a|Tak, tak, juruteknik kami tak pernah sentuh wayar tu.
R|a|Itu masalah pihak bangunan, bukan tanggungjawab kami.
R|a|Encik kata tak terima notis, tapi rekod kami tunjuk dah hantar, jadi encik yang terlepas pandang.
R|a|Servis kami okey saja, mesti router encik tu yang dah lama sangat.
R|a|Kalau puan tukar tarikh sendiri, caj tu memang kena bayar, tak boleh nak salahkan kami.
R|a|Saya tak setuju, makanan tu sampai dalam keadaan panas.
R|a|Encik yang tekan butang batal, bukan sistem kami.
R|a|Dobi kami tak pernah hilangkan baju, entah-entah encik tak hantar pun.
R|a|Itu bukan janji kami, itu cuma iklan, encik yang salah faham.
R|a|Habis tu kenapa puan tandatangan terima barang kalau dah rosak?
R|a|Takkanlah kami nak tipu pasal bacaan meter.
R|a|Kos tambahan tu sebab encik minta pindah hari Ahad, bukan salah kami.
R|a|Puan nak kata pemandu kami sengaja buat macam tu?
R|a|Tak masuk akal, kotak tu tak mungkin basah dalam van kami.
R|a|Bukan kami yang lambat, pihak bank yang lambat proses.
R|a|Encik sendiri setuju dengan harga tu masa telefon hari tu, jadi tak boleh tarik balik.
R|a|Permohonan puan ditolak sebab puan lewat hantar dokumen, bukan sebab kami.
R|a|Ini bukan kali pertama encik buat tuntutan macam ni, kan?
R|a|Tak ada apa yang salah dengan pemasangan kami, titik.
R|a|Saya dah cakap tadi, duit tu bukan kami yang tolak.
R|a|Puan kata sejuk, tapi pemandu kata puan lambat turun ambil.
R|a|Mana boleh, encik dah guna tiga bulan baru nak pulangkan.
# ---- arguing (customer) ----
R|c|Bukan saya yang rosakkan, dah rosak masa sampai.
R|c|Awak tipu, tak ada sesiapa datang pun semalam.
R|c|Jangan nak salahkan saya, awak yang bagi alamat salah.
R|c|Itu tak betul, saya tak pernah setuju dengan caj tu.
R|c|Kenapa pula salah saya? Saya ikut apa yang awak suruh.
R|c|Bukan macam tu, saya dah bayar penuh bulan lepas.
R|c|Rekod awak yang salah, bukan saya.
R|c|Awak cakap dah hantar, tapi peti surat saya kosong, jadi jangan cakap dah hantar.
R|c|Mustahil saya guna data sebanyak tu.
R|c|Jangan cakap saya tak telefon, saya dah telefon tiga kali.
# ---- arguing + condescension ----
RC|a|Bukan salah kami, encik saja yang tak reti baca resit.
RC|a|Orang lain semua boleh pasang benda ni, cuma puan yang tak ikut arahan.
RC|a|Kalau encik guna otak sikit, encik takkan tekan butang tu.
RC|a|Kami tak salah, puan tu yang cuai, benda senang pun tak boleh buat.
RC|a|Bil tu tak ada masalah, encik saja yang tak pandai kira.
RC|a|Encik sendiri yang pilih pakej tu, lain kali fikir dulu sebelum daftar.
RC|a|Barang tu elok masa sampai, orang macam encik ni memang suka cari alasan.
RC|a|Puan yang salah isi borang, benda macam ni budak sekolah pun boleh buat.
RC|a|Itu bukan rosak, puan je yang tak tahu guna, dah berapa kali saya cakap.
RC|a|Sistem kami tak silap, mungkin encik yang lupa, biasalah dah berumur.
RC|c|Awak tak tahu buat kerja ke? Saya dah bayar, semak la betul-betul.
RC|c|Bukan saya yang salah, awak yang tak pandai buat kerja.
# ---- condescension (agent) ----
C|a|Lain kali jangan tunggu saat akhir baru nak telefon.
C|a|Nasib baik encik dapat saya hari ni, orang lain tak layan macam ni.
C|a|Okey, dah siap. Cuma kena tekan butang reset, senang je pun.
C|a|Saya dah buat lebih daripada yang sepatutnya untuk puan, ingat tu.
C|a|Puan dengar betul-betul ya, saya ulang sekali lagi pelan-pelan.
C|a|Itulah, kalau baca manual dulu, tak perlu telefon kami.
C|a|Tahniah, akhirnya puan jumpa juga resit tu.
C|a|Kali ni saja kami tolong, jangan ulang lagi.
C|a|Lepas ni simpan kata laluan elok-elok, jangan sampai hilang lagi.
C|a|Budak darjah satu pun boleh buat benda ni.
C|a|Saya rasa encik dah faham sekarang, kan? Harap-harap la.
C|a|Kalau encik ikut cakap saya dari awal, dah lama siap.
C|a|Wah, akhirnya dapat juga encik log masuk.
C|a|Bagus, hari ni puan dah belajar cara guna aplikasi.
C|a|Jangan risau, saya terangkan dengan bahasa yang paling mudah untuk encik.
C|a|Saya pun tak tahu nak terangkan macam mana lagi, cuba faham ya.
C|a|Encik untung sebab kami tak kenakan caj kali ni.
C|a|Pastikan lain kali tengok tarikh luput sebelum beli.
C|a|Lain kali baca syarat dulu, baru buat aduan.
C|a|Tak apa, orang tua memang susah nak guna telefon pintar.
C|a|Nampak tak? Tak susah pun kalau ikut langkah.
C|a|Terima kasih la sebab akhirnya bagi nombor akaun yang betul.
C|a|Saya dah sebut tadi, tapi takpe, saya ulang khas untuk puan.
C|a|Harap lepas ni encik lebih berhati-hati, ya.
C|a|Sekali-sekala bacalah e-mel yang kami hantar tu.
C|a|Benda kecil macam ni pun nak telefon kami.
# ---- condescension (customer) ----
C|c|Awak ni baru kerja ke? Benda simple pun tak tahu.
C|c|Saya terangkan pelan-pelan, cuba dengar kali ni.
C|c|Pandainya awak, lima minit baru jumpa akaun saya.
C|c|Tak payah la pura-pura faham, panggil orang yang tahu.
C|c|Hebat sangat servis awak, memang patut dapat anugerah.
C|c|Awak baca skrip je kan? Cuba guna otak sikit.
# ---- condescension + resolution ----
CS|a|Duit dah saya pulangkan hari ni, tapi lain kali baca syarat dulu.
RCS|a|Saya hantar juruteknik esok pukul 10, walaupun sebenarnya ini masalah encik sendiri, bukan kami.
CV|a|Okey, saya tolong tengokkan, walaupun benda ni encik boleh buat sendiri.
CS|a|Caj tu saya dah buang terus, kira bertuah encik hari ni.
# ---- apology with "salah" (not arguing) ----
A|a|Itu memang salah kami, bukan salah encik, saya minta maaf.
A|a|Silap pihak kami sebab tak maklumkan lebih awal, maafkan kami.
A|a|Kesilapan tu datang dari pihak kami, saya mohon maaf.
A|a|Salah juruteknik kami, kami minta maaf.
A|a|Memang kami yang tersilap caj, maaf ya puan.
A|a|Kami yang cuai, maafkan kami.
# ---- empathy ----
E|a|Saya faham, mesti tertekan bila internet putus masa anak nak buat kerja sekolah.
E|a|Kesian puan, dah la penat kerja, balik rumah pula tak ada elektrik.
E|a|Mesti encik geram bila barang yang ditunggu-tunggu sampai dalam keadaan pecah.
E|a|Saya boleh bayangkan betapa risaunya puan bila nampak duit hilang dari akaun.
E|a|Memang menjengkelkan bila kena ulang cerita yang sama pada setiap ejen.
E|a|Saya tahu encik dah lama bersabar, dan sekarang encik rasa tak dihargai.
E|a|Patutlah puan marah, tiga kali janji temu dibatalkan.
E|a|Majlis tu penting bagi encik dan barang tak sampai, saya faham perasaan encik.
E|a|Sedih bila hadiah untuk anak sampai dalam keadaan rosak, kan.
E|a|Tentu puan rasa dipermainkan bila dijanji panggilan balik tapi tak ada.
E|a|Mesti susah nak uruskan semua ni sambil jaga orang tua di rumah.
E|a|Dari suara encik, saya tahu encik dah betul-betul letih dengan masalah ni.
E|a|Wajarlah encik rasa kecewa, encik bayar penuh tapi dapat servis separuh.
E|a|Maklumat peribadi tu penting, saya faham kenapa puan bimbang.
E|a|Tentu tak selesa tidur tanpa penghawa dingin dalam cuaca panas macam ni.
E|a|Berpindah rumah pun dah memenatkan, lepas tu barang pula hilang.
E|a|Saya tahu puan dah ambil cuti semata-mata untuk tunggu juruteknik.
E|a|Memang mengecewakan bila makanan sampai sejuk lepas tunggu sejam.
E|a|Ini bukan soal duit saja, encik rasa tak dihormati, dan itu wajar.
E|c|Saya tahu awak cuma ikut arahan, bukan salah awak pun.
EA|a|Maaf sangat, saya tahu puan dah tunggu seharian.
EA|a|Saya faham kekecewaan encik, dan saya mohon maaf atas kelewatan ni.
EV|a|Puan perlukan internet untuk kerja, saya faham, saya akan cuba cepatkan.
# ---- vague resolution ----
V|a|Nanti saya tanya pihak gudang apa yang boleh dibuat.
V|a|Kami akan cuba uruskan secepat mungkin.
V|a|Saya akan maklumkan pada penyelia saya.
V|a|Biar saya tengok kalau ada cara lain.
V|a|Kami akan hantar orang untuk periksa nanti.
V|a|Saya akan buka tiket untuk aduan ni.
V|a|Pihak teknikal akan hubungi encik kemudian.
V|a|Kami akan cuba dapatkan bayaran balik untuk puan.
V|a|Saya akan ikut perkembangan kes ni.
V|a|Kami akan cari jalan penyelesaian.
V|a|Saya usahakan supaya caj tu dikurangkan.
V|a|Nanti pihak pengurusan akan semak aduan puan.
V|a|Saya cuba minta diorang hantar barang lain.
V|a|Kami akan perbetulkan bil tu, jangan risau.
V|a|Saya akan panjangkan perkara ni kepada bahagian berkaitan.
V|a|Kami cuba aturkan pemasangan semula.
V|a|Mungkin kami boleh bagi sedikit pampasan, saya tanya dulu.
V|a|Saya akan pastikan ada orang uruskan.
V|a|Nanti kami bagi tahu perkembangan.
V|c|Tolong la buat sesuatu pasal benda ni.
# ---- specific resolution ----
S|a|Saya dah batalkan caj RM45 tu, puan akan nampak dalam bil depan.
S|a|Juruteknik kami, Encik Faizal, datang esok antara pukul 9 hingga 11 pagi.
S|a|Saya hantar barang ganti hari ni melalui Pos Laju, sampai dalam dua hari bekerja.
S|a|Bayaran balik penuh RM230 dah diproses, masuk dalam lima hari bekerja.
S|a|Saya telefon encik balik pukul 4 petang ni dengan jawapan dari gudang.
S|a|Saya dah tambah 5GB data percuma ke akaun puan, boleh guna sekarang.
S|a|Kami ambil meja yang rosak hari Sabtu dan hantar yang baru hari yang sama.
S|a|Kes ni saya naikkan kepada penyelia saya, Encik Lee, dia akan telefon puan sebelum pukul 12 esok.
S|a|Saya dah kecualikan yuran lewat bulan ni, jadi baki encik sifar.
S|a|Pesanan baru dah saya buat dengan penghantaran ekspres percuma, sampai esok.
# ---- hard negatives ----
-|a|Rekod kami tunjuk bungkusan sampai pukul 3, tapi itu tak bermakna encik salah.|fakta yang tenang sambil menerima pandangan pelanggan, bukan bertekak
-|a|Caj RM15 tu yuran perkhidmatan bulanan, dikenakan sejak bulan Mac.|penjelasan caj dengan tenang, bukan bertekak
-|a|Encik betul, tarikh tu memang tak ditunjukkan dengan jelas dalam e-mel kami.|bersetuju dengan pelanggan, bukan bertekak
-|a|Untuk makluman, pemasangan ambil masa lebih kurang dua jam.|maklumat berguna, bukan merendah-rendahkan
-|a|Kalau senang, lain kali encik boleh semak status penghantaran dalam aplikasi.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|a|Boleh saya tahu, lampu pada modem sekarang warna apa?|soalan semakan biasa, bukan mempertikaikan pelanggan
-|a|Encik pernah cuba guna kabel lain?|soalan semakan, bukan bertekak
-|a|Saya nak pastikan, barang tu dah dibuka dari kotak atau belum?|soalan semakan, bukan bertekak
-|a|Terima kasih sebab bersabar, puan.|ucapan ikhlas, bukan sindiran
-|a|Terima kasih sebab beritahu kami, maklum balas macam ni membantu.|ucapan ikhlas, bukan sindiran
-|a|Polisi kami, bayaran balik hanya untuk barang yang belum dibuka.|polisi dibaca dengan tenang, bukan bertekak dan bukan penyelesaian
-|a|Bacaan meter kami dibuat pada 5 haribulan, angkanya 4321.|fakta yang tenang, bukan bertekak
-|a|Bayaran tu masuk pada 28 haribulan, selepas tarikh akhir 25 haribulan.|fakta yang tenang, bukan bertekak
-|c|Bagus, satu lagi hari cuti saya hilang.|pelanggan meluahkan geram tentang keadaan, bukan sindiran pada ejen
-|c|Hebat, bil naik lagi bulan ni.|sindiran pelanggan tentang keadaan, bukan merendah-rendahkan ejen
-|c|Cantiklah, modem baru pun rosak.|pelanggan meluahkan geram tentang barang, bukan merendah-rendahkan ejen
-|c|Saya dah penat sangat dengan semua ni.|perasaan pelanggan sendiri, bukan empati
-|c|Saya kecewa betul dengan servis ni.|perasaan pelanggan sendiri, bukan empati
-|a|Ya, saya faham, cuma sebelum tu saya kena sahkan identiti encik.|"saya faham" sebagai pembuka kata, bukan empati
-|a|Maaf, boleh ulang nombor akaun tu?|"maaf" untuk minta ulang, bukan permohonan maaf
-|a|Benda ni berlaku bila suis utama tak dihidupkan, memang biasa berlaku.|penjelasan tenang tanpa sindiran, bukan merendah-rendahkan
-|a|Sebenarnya ramai pelanggan tanya soalan yang sama, puan tak perlu rasa segan.|menenangkan pelanggan tanpa memperkecilkan, bukan merendah-rendahkan
-|a|Kami tak boleh ubah harga selepas bayaran dibuat.|polisi, bukan penyelesaian; tenang, bukan bertekak
-|a|Saya tak boleh batalkan caj tu dari sini.|tiada penyelesaian; tenang, bukan bertekak
-|a|Jabatan lain yang uruskan pemasangan, nombor mereka ada di laman web.|menolak ke pihak lain, bukan penyelesaian
-|a|Rekod menunjukkan pemandu sampai pukul 2.10, saya tak nafikan pengalaman puan.|fakta tenang sambil menerima pandangan pelanggan, bukan bertekak
-|a|Tak, bukan salah puan langsung.|menenangkan pelanggan, bukan bertekak
-|a|Itu di luar bidang kuasa saya.|bukan penyelesaian
-|a|Pengurus tak ada hari ni, esok encik telefon semula.|menolak pelanggan, bukan penyelesaian
-|a|Encik kena pergi ke kedai sendiri untuk tuntutan waranti.|menolak pelanggan, bukan penyelesaian
-|a|Kami tak tawarkan pampasan untuk gangguan bekalan.|polisi, bukan penyelesaian
-|a|Sistem tak benarkan saya ubah alamat selepas pesanan dihantar.|penolakan, bukan penyelesaian
-|a|Tempoh memproses tuntutan biasanya 30 hari.|polisi, bukan penyelesaian
-|a|Belum pasti lagi, kena tunggu jawapan dari ibu pejabat.|tidak pasti, bukan penyelesaian
-|a|Encik boleh cuba hubungi pengeluar terus.|menolak ke pihak lain, bukan penyelesaian
-|a|Terima kasih atas maklum balas puan, kami ambil maklum.|sopan tapi tiada tindakan, bukan penyelesaian
-|a|Kami hargai kesabaran encik, tapi itu prosedur kami.|sopan tapi tiada penyelesaian; tenang, bukan bertekak
-|a|Oh, kesian. Nombor akaun encik berapa?|ucapan rutin sebelum aduan didengar, bukan empati
-|a|Saya faham, sila tunggu sekejap.|"saya faham" sebagai pengisi, bukan empati
-|c|Saya rasa tertipu dengan iklan awak.|perasaan pelanggan sendiri, bukan empati
-|c|Anak saya menangis sebab mainan tu rosak.|pelanggan menerangkan keadaan sendiri, bukan empati
-|a|Ramai yang telefon pasal gangguan hari ni.|kenyataan tentang kekerapan, bukan empati
# ==== 2026-11 additions, second batch (Malay: weakest language on grouped out-of-fold F1) ====
# ---- arguing (agent) ----
R|a|Mustahil kami hantar barang yang salah, saya sendiri nampak rekod pembungkusan.
R|a|Kalau encik ikut arahan pemasangan, paip tu takkan bocor.
R|a|Tak ada kaitan dengan servis kami, itu masalah telefon bimbit encik.
R|a|Puan yang lambat bayar, sebab tu talian dipotong.
R|a|Kami tak pernah janji penghantaran hari yang sama.
R|a|Bukan kami yang rosakkan pagar tu, memang dah senget dari dulu.
R|a|Takkanlah tiga orang staf kami semua salah, puan seorang saja yang betul?
R|a|Encik dah guna kupon tu bulan lepas, jadi jangan salahkan sistem.
R|a|Itu bukan caj tersembunyi, semua ada dalam kontrak yang puan tandatangan.
R|a|Saya tak nampak apa yang tak kena, gambar yang encik hantar tu okey saja.
R|a|Bukan kami yang tutup akaun, puan sendiri minta tutup bulan lepas.
R|a|Kalau puan guna pengecas yang asal, bateri takkan kembung.
R|a|Kami tak boleh dipersalahkan sebab lif bangunan rosak.
R|a|Encik tak boleh minta ganti rugi untuk benda yang encik sendiri rosakkan.
R|a|Mana ada bau, makanan kami semua segar.
R|a|Jadi puan nak kata sistem kami yang salah kira?
R|a|Tarikh akhir dah lama lepas, puan tak boleh harap kami buat pengecualian.
R|a|Saya dah dengar rakaman tu, encik memang setuju dengan syarat tu.
R|a|Itu pilihan encik sendiri, kami cuma ikut apa yang encik minta.
R|a|Meter tu tak rosak, penggunaan puan saja yang tinggi.
R|a|Bukan salah tukang kami, dinding rumah puan memang dah retak.
R|a|Kenapa tak tunjuk resit masa di kaunter kalau betul dah bayar?
R|a|Saya rasa encik salah ingat, kami tak pernah cakap percuma.
R|a|Kami dah buat kerja ikut spesifikasi, kalau puan tak puas hati itu lain cerita.
R|a|Tak, itu bukan tanggungjawab syarikat kami langsung.
R|a|Habis tu, encik nak kami bayar untuk kesilapan encik sendiri?
R|a|Pemandu kami dah tunggu sepuluh minit, puan yang tak turun.
R|a|Itu bukan kesilapan bil, itu caj lewat sebab encik lambat bayar.
R|a|Puan tak boleh komplen sekarang, waranti dah tamat.
R|a|Rekod kami tak tipu, encik.
# ---- arguing (customer) ----
R|c|Tak, bukan macam tu, saya tak pernah terima apa-apa e-mel.
R|c|Mana ada saya setuju, awak jangan reka cerita.
R|c|Itu bukan salah saya, sistem awak yang rosak.
R|c|Awak cakap macam tu, tapi bil saya tetap naik.
R|c|Saya tak percaya, saya tengok sendiri kotak tu kosong.
R|c|Jangan nak ubah cerita, semalam awak janji lain.
R|c|Pemandu awak yang tak datang, bukan saya tak ada di rumah.
R|c|Salah tu, saya tak pernah guna kad tu di luar negara.
R|c|Kenapa nak salahkan saya pula? Saya yang bayar.
R|c|Bukan saya yang batalkan, awak semak la rekod.
# ---- arguing + condescension ----
RC|a|Kalau encik faham bahasa mudah, encik takkan tersalah pilih pelan.
RC|a|Bukan salah kami, puan yang tak tahu beza antara caj dan deposit.
RC|a|Dah terang-terang tulis dalam surat, takkan tak boleh baca.
RC|a|Mesin tu tak rosak, encik saja yang tak reti tekan butang.
RC|a|Barang tu elok, orang lain semua tak ada masalah, cuma encik yang lain macam.
RC|a|Puan yang cuai, dan sekarang nak salahkan kami pula, tak masuk akal.
RC|a|Kami tak silap, lain kali dengar betul-betul apa orang cakap.
RC|a|Benda senang macam ni pun encik nak komplen, bukan kami yang salah.
RC|c|Awak ni faham ke tak? Saya dah bayar, bukan saya yang salah.
RC|c|Jangan nak salahkan saya, cuba belajar buat kerja dulu.
# ---- condescension ----
C|a|Lain kali bacalah label tu sebelum masukkan dalam mesin basuh.
C|a|Hmm, senang je rupanya, cuma suis tak dipasang.
C|a|Nasib baik saya ni jenis yang sabar.
C|a|Kalau semua pelanggan macam encik, kami kena buka kelas khas.
C|a|Saya terangkan dari mula, perlahan-lahan, supaya puan tak keliru lagi.
C|a|Ini kali terakhir kami buat pengecualian untuk encik.
C|a|Encik ni memang suka panik untuk benda kecil, kan?
C|a|Okey, dah selesai, tak susah pun sebenarnya kalau baca manual.
C|a|Puan patut berterima kasih, bukan semua orang dapat layanan macam ni.
C|a|Cuba ingat lain kali, nombor PIN jangan tulis kat belakang kad.
C|a|Saya faham teknologi ni susah untuk sesetengah orang.
C|a|Wah, pandai pun encik akhirnya.
C|a|Saya ulang buat kali ketiga, harap kali ni masuk.
C|a|Lain kali semak alamat dulu, jangan main tekan saja.
C|a|Tak payah panik sangat, benda kecil je ni.
C|a|Jangan buat muka terkejut, semua tu ada dalam terma.
C|a|Saya dah biasa dengan pelanggan macam puan.
C|a|Kalau tak faham, minta la anak puan tolong tengokkan.
C|a|Baguslah, lepas ni tak payah telefon kami lagi untuk benda ni.
C|a|Encik tahu tak, orang lain boleh selesaikan benda ni dalam dua minit?
C|a|Sekali lagi saya tolong, tapi tolong la belajar sendiri.
C|a|Pelik juga, benda macam ni pun boleh jadi masalah.
C|c|Awak ni memang tak tahu apa-apa, kan?
C|c|Saya cakap dalam bahasa mudah supaya awak faham.
C|c|Tahniah, akhirnya awak jumpa juga butang tu.
C|c|Bos awak tahu tak awak layan pelanggan macam ni?
C|c|Terima kasih banyak la atas bantuan yang langsung tak membantu.
CS|a|Okey, saya pulangkan RM20 tu sekarang, tapi lain kali jangan lupa lagi.
CV|a|Saya cuba tolong, walaupun benda ni sepatutnya puan boleh buat sendiri.
# ---- empathy ----
E|a|Mesti rasa serba salah bila tetamu datang tapi dapur tak boleh guna.
E|a|Saya boleh rasa betapa kecewanya encik, dah lama tunggu tapi jadi macam ni.
E|a|Tentu puan risau bila talian telefon rumah mati berhari-hari.
E|a|Memang memeritkan bila bayaran ansuran tiba-tiba naik tanpa notis.
E|a|Patutlah encik rasa dipermainkan, tiga kali diberi tarikh berlainan.
E|a|Susah hati kan, bila barang untuk kenduri tak sampai tepat masa.
E|a|Kalau saya di tempat encik pun, saya akan rasa tertekan.
E|a|Saya nampak puan dah buat segala yang sepatutnya, dan masih tak selesai.
E|a|Tentu letih, kena ambil cuti semata-mata untuk uruskan benda ni.
E|a|Itu memang pengalaman yang tak menyenangkan untuk encik sekeluarga.
E|a|Rasa marah tu memang wajar, duit simpanan puan yang terlibat.
E|a|Mesti encik rasa tak selamat bila kunci pintu rosak macam tu.
E|a|Saya faham, anak kecil dan tak ada air panas, memang susah.
E|a|Kecewa sangat kan bila hadiah hari jadi sampai lewat seminggu.
E|a|Saya dengar puan dah penat berulang-alik ke kedai.
E|a|Encik dah jadi pelanggan setia bertahun-tahun, wajar encik rasa terkilan.
E|a|Bila gaji dah masuk tapi kad kena sekat, memang menyusahkan.
E|a|Tentu encik bimbang pasal keselamatan keluarga bila ada bau gas.
E|a|Puan dah bersabar lama, saya tahu ini sangat memenatkan.
E|a|Susah nak kerja dari rumah kalau internet asyik putus, saya faham.
E|c|Saya faham awak pun tertekan, ramai orang marah hari ni.
EA|a|Saya tahu puan dah tunggu lama, maafkan kami sebab menyusahkan puan.
EA|a|Mesti encik rasa tertipu, dan saya minta maaf bagi pihak syarikat.
EV|a|Saya faham encik risau, saya akan cuba dapatkan jawapan secepat mungkin.
EV|a|Kesian puan, biar saya tengok apa yang kami boleh buat.
# ---- vague resolution ----
V|a|Kami akan uruskan, nanti ada orang hubungi puan.
V|a|Saya cuba minta pihak kilang semak.
V|a|Nanti saya bincang dengan pengurus pasal ganti rugi.
V|a|Kami akan usahakan sesuatu untuk encik.
V|a|Saya rekodkan dulu, lepas tu pihak berkenaan akan ambil tindakan.
V|a|Kami akan periksa semula bil puan.
V|a|Saya cuba percepatkan proses tu.
V|a|Kalau boleh, kami akan tukar barang tu.
V|a|Nanti saya minta juruteknik telefon encik.
V|a|Kami akan tengok macam mana nak bantu puan.
V|a|Saya akan bawa perkara ni ke pihak atasan.
V|a|Kami akan cuba kurangkan caj tu untuk puan.
V|a|Saya akan semak dan maklumkan semula kepada encik nanti.
V|a|Kita tengok dulu apa pilihan yang ada.
V|a|Saya minta pasukan penghantaran siasat.
AV|a|Maaf ya, saya akan minta pihak kedai uruskan.
AV|a|Saya mohon maaf, kami akan cuba betulkan secepat mungkin.
V|c|Boleh tak awak tolong uruskan untuk saya?
V|c|Saya nak awak siasat perkara ni.
# ---- specific resolution ----
S|a|Saya dah batalkan langganan dan pulangkan RM59 ke akaun encik hari ni.
S|a|Juruteknik akan datang hari Khamis pukul 2 petang untuk tukar meter.
S|a|Saya kreditkan RM30 ke bil bulan depan sebagai pampasan.
S|a|Barang ganti dihantar esok pagi, nombor penjejakan saya SMS dalam sejam.
S|a|Saya sendiri akan telefon puan hari Isnin pukul 11 pagi.
S|a|Saya dah tukar tarikh penghantaran ke Sabtu ni, antara pukul 9 hingga 12 tengah hari.
S|a|Caj pemasangan RM100 dah saya buang dari invois.
S|a|Pengurus cawangan, Puan Rosnah, akan hubungi encik petang ni sebelum pukul 5.
# ---- neutral ----
-|a|Puan tinggal di alamat yang sama lagi?
-|a|Encik beli barang tu di cawangan mana?
-|a|Boleh puan bagi nombor siri di belakang mesin?
-|a|Bila kali terakhir encik terima bil?
-|a|Puan nak saya hantar salinan bil melalui e-mel atau pos?
-|a|Encik guna pelan prabayar atau pascabayar?
-|a|Ada sesiapa di rumah masa tu?
-|a|Pukul berapa lebih kurang encik perasan bekalan terputus?
-|a|Puan pernah hubungi kami pasal perkara ni sebelum ni?
-|a|Saya nak sahkan, nama penuh encik Ahmad bin Ismail, betul?
-|a|Boleh encik bacakan nombor pada meter tu?
-|a|Barang tu masih dalam kotak asal?
-|c|Saya beli peti ais tu bulan lepas.
-|c|Rumah saya di Shah Alam, seksyen 7.
-|c|Bil saya biasanya dalam RM150 sebulan.
-|c|Saya dah tunggu dari pagi tadi.
-|c|Nombor telefon saya 012-3456789.
-|c|Saya guna pelan pascabayar.
# ---- hard negatives ----
-|a|Menurut rekod, bacaan terakhir diambil pada 3 haribulan, angka yang puan nampak mungkin bacaan baru.|fakta tenang, bukan bertekak
-|a|Caj tu muncul sebab pelan encik bertukar pada pertengahan bulan.|penjelasan tenang, bukan bertekak
-|a|Memang betul, notis tu patut sampai lebih awal.|bersetuju dengan pelanggan, bukan bertekak
-|a|Encik tak salah langsung dalam hal ni.|menenangkan pelanggan, bukan bertekak
-|a|Itu soalan yang bagus, ramai yang keliru dengan bahagian tu.|menenangkan, bukan merendah-rendahkan
-|a|Tak apa, benda ni memang mengelirukan, saya tunjukkan langkah demi langkah.|bantuan ikhlas tanpa memperkecilkan, bukan merendah-rendahkan
-|a|Untuk lain kali, puan boleh juga bayar melalui aplikasi supaya lebih cepat.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|a|Sebagai panduan, lampu merah tu bermaksud modem sedang reset.|maklumat berguna, bukan merendah-rendahkan
-|a|Encik banyak bersabar hari ni, terima kasih ya.|ucapan ikhlas, bukan sindiran
-|a|Saya hargai penjelasan puan yang terperinci.|ucapan ikhlas, bukan sindiran
-|a|Kami ikut garis panduan syarikat untuk pemulangan barang.|polisi yang tenang, bukan bertekak dan bukan penyelesaian
-|a|Waranti meliputi kerosakan kilang sahaja, bukan kerosakan fizikal.|penjelasan polisi yang tenang, bukan bertekak
-|a|Boleh saya tanya, encik simpan barang tu di tempat lembap ke?|soalan semakan yang ikhlas, bukan menuduh
-|a|Bateri tu dicas guna pengecas apa ya?|soalan semakan, bukan menuduh
-|c|Hebat, gaji baru masuk terus kena potong.|pelanggan meluahkan geram tentang keadaan, bukan sindiran pada ejen
-|c|Cantik, hari ni pula hujan dan bumbung bocor.|keluhan tentang keadaan, bukan merendah-rendahkan ejen
-|c|Saya sedih sangat, barang tu kenangan arwah ibu saya.|perasaan pelanggan sendiri, bukan empati
-|c|Saya dah tak tahu nak buat apa lagi.|perasaan pelanggan sendiri, bukan empati
-|c|Saya tahu ini bukan salah awak, tapi saya nak penyelesaian hari ni.|pelanggan mengakui tapi terus menuntut, tiada perasaan diakui: bukan empati
-|a|Maaf, talian tak jelas, boleh ulang?|"maaf" untuk talian, bukan permohonan maaf
-|a|Maaf ganggu, boleh saya letak encik dalam talian menunggu sekejap?|"maaf" sopan sebelum menunggu, bukan permohonan maaf
-|c|Maaf ya, tapi saya dah tak tahan dengan servis ni.|"maaf, tapi" pelanggan, bukan permohonan maaf
-|a|Ramai pelanggan di kawasan puan telefon hari ni pasal gangguan yang sama.|kenyataan tentang kekerapan, bukan empati
-|a|Itu keputusan pihak bank, saya tak boleh ubah.|tiada penyelesaian; tenang, bukan bertekak
-|a|Encik kena isi borang tuntutan di laman web dulu.|menolak pelanggan ke proses lain, bukan penyelesaian
-|a|Saya cuma boleh terima aduan, bukan proses bayaran balik.|tiada penyelesaian
-|a|Dalam kes macam ni, biasanya kami tak boleh buat apa-apa.|"tak boleh buat apa-apa" bukan penyelesaian; tenang, bukan bertekak
-|a|Okey, jadi encik nak saya semak bil bulan Mac atau April?|mula dengan "okey" tapi bertanya, bukan respons ringkas
-|a|Ha, itu sebab kad encik dah tamat tempoh bulan lepas.|mula dengan "ha" tapi menerangkan, bukan respons ringkas; tenang, bukan bertekak
-|a|Ya, betul, saya nampak dua transaksi pada 4 haribulan.|mula dengan "ya" tapi memberi maklumat, bukan respons ringkas
# ==== 2026-11 additions, third batch (polite-sounding disputes, backhanded remarks) ====
R|a|Maaf, tapi encik silap faham, kami tak pernah cakap macam tu.
R|a|Saya dengar apa encik cakap, tapi ini jelas masalah tetapan encik sendiri.
R|a|Kurier kami dah tekan loceng dua kali, puan yang tak dengar.
R|a|Pilihan tu encik sendiri yang tanda, bukan tanggungjawab kami.
R|a|Tanpa resit, susah saya nak percaya encik beli di sini.
R|a|Bukan harga naik, diskaun puan dah tamat, dan puan dah dimaklumkan masa daftar.
R|a|Perabot tu elok masa kami angkat, apa jadi lepas tu bukan salah kami.
R|c|Cerita awak asyik berubah, tadi awak cakap lain.
C|a|Tak apa, ramai yang tak pandai komputer buat silap macam ni.
C|a|Lain kali tengok sekali lagi sebelum tekan butang pesan.
C|a|Hari ni saya buat baik khas untuk encik, jangan cerita kat orang lain pula.
C|a|Tengok, ikut cakap saya, terus jadi.
C|a|Kebanyakan orang tak perlu diajar pun benda ni.
C|a|Cuma kena tutup dan hidupkan semula, itu saja rupanya.
C|a|Lepas ni jangan buang resit merata-rata.
C|a|Biasalah, kali pertama, memang la tak tahu.
C|c|Siapa la faham penerangan macam tu? Hebat betul.
C|c|Rasanya saya lagi tahu pasal ni daripada awak.
RC|a|Bukan salah kami, kalau puan berhati-hati sikit takkan jadi macam ni.
RC|a|Semua ada dalam manual, encik saja yang tak baca, orang lain semua baca.
-|a|Maaf, boleh puan semak kotak tu ada dalam senarai barang pindah?|"maaf" ketika minta semak, bukan permohonan maaf atau bertekak
-|a|Log kami tunjuk dua kali lawatan, tapi saya tak ragu apa yang encik beritahu.|fakta tenang sambil menerima pandangan pelanggan, bukan bertekak
-|c|Syabas, hari pertama pindah rumah pemanas air terus rosak.|pelanggan meluahkan geram tentang keadaan, bukan sindiran pada ejen
-|a|Kali pertama memang senang keliru, jom kita buat sama-sama.|bantuan ikhlas, bukan merendah-rendahkan
# ---- admitting fault without "sorry" is an apology, not a dispute ----
A|a|Saya dah semak, memang masalah pihak kami.
A|a|Ini masalah kami, bukan salah encik.
A|a|Sistem kami yang buat macam tu, jadi itu kesilapan kami.
# ==== 2026-11 additions, fourth batch (issue 3, labeller-3: arguing, condescension, empathy, hard negatives) ====
# ---- arguing (agent) ----
R|a|Tempoh pemulangan tujuh hari, encik hantar balik hari kesepuluh, jadi itu bukan salah kami.
R|a|Puan yang lambat bayar, kenapa nak suruh kami hapuskan caj lewat pula?
R|a|Bungkusan yang jiran tolong terima tu dah bukan urusan kami.
R|a|Itu hal encik dengan tuan rumah, bukan urusan pihak pengurusan.
R|a|Penghantaran lambat tu salah rider, kedai kami tak ada kena-mengena.
R|a|Lambat sepuluh minit saja, takkan sampai nak buat aduan rasmi?
R|a|Tak ada sebab pun encik nak marah, bil tu memang dah betul.
R|a|Mana ada, pakej tu tak pernah datang dengan data percuma.
R|a|Kalau encik lapor kebocoran awal-awal, paip tu takkan pecah teruk macam ni.
R|a|Encik sendiri tak semak saiz sebelum pesan, jadi jangan salahkan kami.
R|a|Puan yang tekan sahkan untuk tukar penerbangan, kami tak boleh bertanggungjawab.
R|a|Encik kata tak terima, tapi tandatangan penerima tu nama encik sendiri.
R|a|Jiran-jiran lain tak ada pun komplen bising, rumah puan saja.
R|a|Dobi kami basuh ikut suhu biasa, baju tu mengecut sebab kainnya sendiri.
R|a|Jangan cakap macam tu, kami tak pernah janji penghantaran percuma.
R|a|Nombor kad tu puan yang salah masukkan, jadi bukan kami yang tolak duit salah.
R|a|Router tu tak rosak, encik sendiri yang ubah tetapan sampai internet tak jalan.
# ---- arguing (customer) ----
R|c|Jangan jadikan naik taraf sistem sebagai alasan, duit saya memang terpotong lebih.
R|c|Tunggakan tu saya dah jelaskan minggu lepas, pihak awak yang tak kemas kini.
R|c|Awak kata dah hantar, tapi CCTV depan rumah saya tak rakam sesiapa pun.
R|c|Bukan masalah wayar rumah saya, juruelektrik dah periksa semua.
R|c|Sofa tu pekerja awak yang hentak masa angkat, bukan saya.
# ---- arguing + condescension ----
RC|a|Rumah lain semua boleh restart router sendiri, encik saja yang nak salahkan rangkaian kami.
RC|a|Encik yang salah masukkan nombor kad, orang lain tak pernah silap benda macam tu, jangan tuduh kami pula.
RC|a|Kod ambil barang dah ada dalam SMS, puan tak baca lepas tu salahkan kurier pula.
RC|a|Dah tiga kali saya cakap encik yang salah pilih pelan, susah sangat ke nak faham?
RC|c|Semak pun tak, terus kata saya tak bayar? Kerja main-main. Duit tu auto-debit tiap bulan.
# ---- condescension ----
C|a|Dapat balik separuh pun dah kira untung, jangan minta lebih-lebih.
C|a|Kalau ejen lain, dah lama letak telefon. Nasib puan jumpa saya.
C|a|Saya sanggup tolong walaupun dah lepas waktu kerja, harap puan sedar.
C|a|Saya terangkan pun encik mungkin tak faham, jadi ikut saja apa saya suruh.
C|a|Soalan asas macam ni sebenarnya tak perlu telefon pun.
C|a|Oh, baru sekarang ingat kata laluan?
C|a|Dah tertulis kat muka surat pertama manual, tapi biasalah, ramai yang malas baca.
C|a|Tengok, cucuk plag terus menyala. Kan saya dah cakap.
CS|a|Penalti tu saya dah buang senyap-senyap, ingat budi saya ya.
C|c|Cakap dengan awak ni buat saya pening, bagi saya cakap dengan orang yang faham.
C|c|Dengan tahap kerja macam ni, baik awak pergi belajar dulu.
# ---- specific resolution (waivers and refunds without a put-down) ----
S|a|Yuran bulan ni saya dah kecualikan, bil puan akan tunjuk RM0.
S|a|Lebihan caj penghantaran RM8 dah saya pulangkan ke kad encik hari ni.
S|a|Penalti kontrak dah dibatalkan dan kontrak baru saya e-mel petang ni.
S|a|Dua caj lewat tu dah saya tarik balik, baki encik sekarang RM320.
# ---- empathy ----
E|a|Mesti puan terkejut bila nampak bil elektrik naik dua kali ganda.
E|a|Tentu encik bimbang bila kad tiba-tiba disekat masa nak bayar di kaunter.
E|a|Mesti serabut kepala encik bila barang pindah rumah tak sampai-sampai.
E|a|Mesti puan rasa tak sedap hati tinggal di rumah yang kuncinya rosak.
E|a|Mesti encik rasa kecewa, perabot baru sampai dah bercalar.
# ---- hard negatives ----
-|a|Betul cakap puan, syarat tu memang mudah terlepas pandang dalam kontrak.|bersetuju dengan pelanggan, bukan bertekak
-|a|Betul tu encik, rangkaian di kawasan encik memang tak stabil hari tu.|bersetuju dengan pelanggan, bukan bertekak
-|a|Encik ada betulnya, caj tu patut diterangkan masa daftar.|bersetuju dengan pelanggan, bukan bertekak
-|a|Mungkin kotak tu lembap masa dalam perjalanan, bukan salah encik.|menenangkan pelanggan, bukan bertekak
-|c|Bila agaknya duit tu masuk balik dalam akaun saya?|soalan biasa pelanggan, bukan bertekak
-|a|Terima kasih sebab hantar gambar awal-awal, senang kerja saya.|ucapan ikhlas, bukan sindiran
-|a|Lain kali kalau nak cepat, puan boleh guna kaunter layan diri di cawangan.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|a|Lain kali kalau encik nak, boleh set peringatan bayaran dalam aplikasi.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|a|Kalau lebih mudah, lain kali puan boleh muat naik gambar terus dalam borang dalam talian.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|c|Hebat betul, dah la hujan, elektrik pula terputus.|pelanggan meluahkan geram tentang keadaan, bukan sindiran pada ejen
-|c|Syok betul, kena beratur lagi sejam.|sindiran tentang proses, bukan merendah-rendahkan ejen
-|a|Isu bil bulan ni memang ramai yang hubungi kami.|kenyataan tentang kekerapan, bukan empati atau merendah-rendahkan
-|c|Saya geram sangat, barang ni hadiah untuk mak saya.|perasaan pelanggan sendiri, bukan empati
# ---- written in all four languages (en, zh, ko, ms) ----
R|a|Bungkusan lewat sehari saja, tak ada sebab nak marah sampai macam ni.
R|a|Rak tu senget sikit saja, itu bukan alasan untuk buat aduan.
R|a|Sebulan penuh encik guna servis kami, kenapa pula nak minta duit balik?
R|a|Encik pindah rumah tanpa maklumkan kami, jadi bil pergi ke alamat lama tu salah encik sendiri.
R|a|Kad tu dilaporkan hilang selepas transaksi berlaku, jadi caj tu tetap kekal.
R|a|Itu tak benar langsung, setiap lawatan juruteknik ada direkodkan.
RC|a|Kebanyakan orang boleh pasang aplikasi tu dalam lima minit, aplikasi tu tak ada masalah pun.
C|a|Dah siap, tapi encik kena tahu, syarikat lain dah lama caj untuk benda ni.
C|a|Dah okey, plag je tercabut. Malu sikit kan.
C|c|Ada tak sesiapa kat situ yang betul-betul tahu buat kerja?
E|a|Puan ada majlis esok tapi baju tu masih belum siap, memang terdesak.
E|a|Talian rumah tu satu-satunya cara ibu encik boleh hubungi encik, patutlah encik tak senang duduk.
E|a|Saya nampak encik dah buntu, dah tiga hari tunggu juruteknik.
-|a|Terima kasih banyak sebab tak letak telefon sementara saya uruskan.|ucapan ikhlas, bukan sindiran
-|a|Selamat malam, terima kasih sekali lagi sebab telefon.|ucapan penutup, bukan merendah-rendahkan
-|a|Kalau encik nak, lain kali boleh bayar guna kod QR di kaunter, lagi cepat.|tip tanpa menyalahkan, bukan merendah-rendahkan
-|c|Bagus sangat, pemanas air rosak lagi, sejuk gila mandi pagi ni.|pelanggan meluahkan geram tentang keadaan, bukan sindiran pada ejen
-|c|Saya memang marah, saya ambil cuti sehari semata-mata sebab hal ni.|perasaan pelanggan sendiri, bukan empati
-|a|Betul kata encik, peringatan pembaharuan tu patut dihantar lebih awal.|bersetuju dengan pelanggan, bukan bertekak
-|c|Saya dah tak larat, dari pagi saya telefon sana sini.|perasaan pelanggan sendiri, bukan empati
# ---- rejecting the complaint itself (arguing rule 4) ----
R|a|Juruteknik sampai dalam masa yang dijanjikan, tak ada sebab encik nak naik angin.
R|a|Sofa tu sampai ikut tarikh yang puan pilih sendiri, saya tak faham apa yang nak dikecohkan.
"""
