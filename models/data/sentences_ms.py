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
R|a|Calar sikit saja, puan terlalu besar-besarkan.
R|a|Kelewatan sebab kawalan trafik udara, tak ada kaitan dengan kami.
R|a|Habis tu kenapa encik tak lapor terus?
R|a|Saya tak nak bertekak, tapi puan memang silap.
R|a|Bukan rosak, encik saja yang tak tahu guna tetapan.
R|a|Puan patut periksa pesanan sebelum pemandu pergi.
R|a|Status dah dihantar, maknanya dah sampailah.
R|a|Apa encik buat dengan barang tu lepas sampai, kami tak bertanggungjawab.
R|a|Ramai orang tak komplen pun, kenapa puan seorang saja?
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
RC|a|Dah tiga kali saya terangkan, tak tahu nak cakap macam mana lagi supaya encik faham.
RC|a|Kalau puan baca SMS, puan tahu penerbangan dah tukar.
RC|a|Orang lain semua faham bil ni, tak tahulah kenapa encik tak faham.
RC|a|Puan yang rosakkan barang tu, kira nasib baik kami masih layan bayaran balik.
RC|a|Hal teknikal ni biar pakar saja yang uruskan, encik.
RC|a|Ketuhar gelombang mikro pun tak reti guna, kami tak boleh buat apa.
RC|a|Nampak sangat salah pengguna, orang berumur memang selalu macam ni.
RC|c|Awak faham tak sistem syarikat awak sendiri?
RC|c|Nampaknya saya seorang saja dalam panggilan ni yang baca kontrak.
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
C|a|Rupanya encik tak tambah nilai. Misteri selesai.
C|a|Lain kali hati-hati, barang ni bukan murah.
C|a|Bagus, akhirnya faham juga, dua puluh minit saja.
C|a|Kali ni saya lepaskan.
C|a|Bukan semua orang dapat ganti percuma, untuk makluman puan.
C|a|Oh, mesti encik "betul-betul" pos tepat pada masa, kan.
C|a|Lain kali tulis tarikh tu di mana-mana supaya tak lupa.
C|a|Senang saja kan?
C|a|Kalau semua pelanggan cerewet macam puan, kerja kami tak jalan.
C|a|Untuk rujukan, butang merah tu untuk berhenti.
C|a|Saya dah tolong encik banyak ni, tahu tak.
C|a|Jangan risau, bukan puan seorang saja yang keliru dengan borang semudah ni.
C|a|Belajarlah guna perbankan internet dulu sebelum salahkan kami.
C|a|Apa-apa pun dah selesai, walaupun alamat tu encik sendiri yang salah tulis.
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
"""
