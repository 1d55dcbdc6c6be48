// Name parts for synthetic watchlists and travellers (benchmarks and property tests): common given names
// and family names of the cultures on the lists Vigil screens against, in one usual romanisation each.
// Spelling variants are produced by the generator, not listed here.

export interface Culture {
  name: string;
  given: readonly string[];
  family: readonly string[];
  /** Share of people in this culture known by a kunya ("Abu X"). */
  kunya: number;
  /** Share of family names written with the Arabic article ("al-Tikriti"). */
  article: number;
}

export const cultures: readonly Culture[] = [
  {
    name: 'arabic',
    given: [
      'Muhammad', 'Ahmad', 'Ali', 'Omar', 'Khalid', 'Hassan', 'Hussein', 'Ibrahim', 'Yusuf', 'Abdullah', 'Abd al-Rahman',
      'Abd al-Aziz', 'Mustafa', 'Salih', 'Hamza', 'Bilal', 'Tariq', 'Walid', 'Faisal', 'Jamal', 'Karim', 'Nasser', 'Rashid',
      'Said', 'Samir', 'Talal', 'Yasin', 'Ziyad', 'Anas', 'Ammar', 'Ayman', 'Bakr', 'Fares', 'Ghassan', 'Hamid', 'Hisham',
      'Imad', 'Jaber', 'Kamal', 'Khalil', 'Majid', 'Marwan', 'Nabil', 'Qasim', 'Rami', 'Sami', 'Sulayman', 'Taha', 'Wael',
      'Yahya', 'Zakariya', 'Aisha', 'Fatima', 'Khadija', 'Maryam', 'Zaynab', 'Layla', 'Huda', 'Nour', 'Amina', 'Asma',
    ],
    family: [
      'Tikriti', 'Hashimi', 'Dulaimi', 'Jubouri', 'Obeidi', 'Zubaidi', 'Shammari', 'Anbari', 'Rawi', 'Ani', 'Masri', 'Shami',
      'Halabi', 'Baghdadi', 'Mosuli', 'Raqqawi', 'Homsi', 'Hamoud', 'Khatib', 'Haddad', 'Najjar', 'Saleh', 'Qahtani',
      'Ghamdi', 'Otaibi', 'Harbi', 'Tamimi', 'Kubaisi', 'Karbouli', 'Fahdawi', 'Issawi', 'Jumaili', 'Azzawi', 'Bayati',
      'Furati', 'Dhiyabi', 'Qurashi', 'Maliki', 'Shahrani', 'Zahrani', 'Yemeni', 'Libi', 'Tunisi', 'Jazrawi', 'Kuwaiti',
    ],
    kunya: 0.25,
    article: 0.7,
  },
  {
    name: 'persian',
    given: [
      'Reza', 'Hossein', 'Mohammad', 'Ali', 'Mehdi', 'Hamid', 'Saeed', 'Majid', 'Javad', 'Amir', 'Behrouz', 'Dariush',
      'Farhad', 'Kourosh', 'Mahmoud', 'Masoud', 'Morteza', 'Mostafa', 'Nader', 'Parviz', 'Ramin', 'Saman', 'Shahram', 'Vahid',
      'Yousef', 'Zahra', 'Maryam', 'Fatemeh', 'Leila', 'Shirin', 'Parisa', 'Nasrin', 'Azadeh', 'Golnaz', 'Mina', 'Roya',
    ],
    family: [
      'Mohammadi', 'Ahmadi', 'Hosseini', 'Karimi', 'Rezaei', 'Moradi', 'Jafari', 'Rahimi', 'Ebrahimi', 'Ghasemi', 'Mousavi',
      'Hashemi', 'Sadeghi', 'Heidari', 'Kazemi', 'Soleimani', 'Abbasi', 'Najafi', 'Shirazi', 'Tehrani', 'Esfahani', 'Amini',
      'Rostami', 'Bagheri', 'Zamani', 'Akbari', 'Nouri', 'Farahani', 'Khamenei', 'Yazdani',
    ],
    kunya: 0,
    article: 0,
  },
  {
    name: 'turkish',
    given: [
      'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hasan', 'Huseyin', 'Ibrahim', 'Ismail', 'Osman', 'Yusuf', 'Murat', 'Emre', 'Burak',
      'Serkan', 'Kemal', 'Omer', 'Halil', 'Recep', 'Ramazan', 'Fatih', 'Selim', 'Tarik', 'Emin', 'Cengiz', 'Orhan', 'Ayse',
      'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Sevgi', 'Gul', 'Yasemin',
    ],
    family: [
      'Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Yildiz', 'Yildirim', 'Ozturk', 'Aydin', 'Ozdemir', 'Arslan', 'Dogan',
      'Kilic', 'Aslan', 'Cetin', 'Kara', 'Koc', 'Kurt', 'Ozkan', 'Simsek', 'Polat', 'Korkmaz', 'Karaca', 'Erdem', 'Tekin',
      'Aksoy', 'Bulut', 'Gunes', 'Keskin', 'Uysal',
    ],
    kunya: 0,
    article: 0,
  },
  {
    name: 'russian',
    given: [
      'Aleksandr', 'Sergei', 'Dmitri', 'Andrei', 'Aleksei', 'Maksim', 'Ivan', 'Mikhail', 'Nikolai', 'Vladimir', 'Yevgeni',
      'Pavel', 'Roman', 'Oleg', 'Viktor', 'Igor', 'Ruslan', 'Timur', 'Magomed', 'Shamil', 'Zaur', 'Anzor', 'Olga', 'Tatyana',
      'Yelena', 'Natalya', 'Irina', 'Svetlana', 'Anna', 'Mariya',
    ],
    family: [
      'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasilyev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fyodorov', 'Morozov',
      'Volkov', 'Alekseyev', 'Lebedev', 'Semyonov', 'Yegorov', 'Pavlov', 'Kozlov', 'Stepanov', 'Nikolayev', 'Kadyrov',
      'Magomedov', 'Aliyev', 'Umarov', 'Basayev', 'Dudayev', 'Gadzhiev', 'Akhmedov', 'Ramzanov', 'Yusupov',
    ],
    kunya: 0,
    article: 0,
  },
  {
    name: 'english',
    given: [
      'James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Daniel', 'Matthew',
      'Anthony', 'Mark', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kevin', 'Brian', 'Mary', 'Patricia', 'Jennifer', 'Linda',
      'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
    ],
    family: [
      'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
      'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
      'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
    ],
    kunya: 0,
    article: 0,
  },
];
